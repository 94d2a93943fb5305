# pwd and grp: lookups of root (uid/gid 0) by id and name, the records'
# fields and types, absent entries (KeyError), getpwall/getgrall, and the
# id and name argument errors.
import grp
import pwd

def t(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print(f.__name__, repr(r))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

root = pwd.getpwuid(0)
print(root.pw_name, root.pw_uid, root.pw_gid, root[0] == root.pw_name, len(root), type(root).__name__)
print(pwd.getpwnam('root') == root, type(root), pwd.struct_passwd.n_fields, isinstance(root, tuple))
print([type(x).__name__ for x in root])
g = grp.getgrgid(0)
print(g.gr_name, g.gr_gid, type(g.gr_mem).__name__, len(g), grp.getgrnam('root') == g, type(g))
print(grp.getgrgid(id=0) == g, grp.getgrnam(name='root').gr_gid)
users = pwd.getpwall()
groups = grp.getgrall()
print(type(users).__name__, root in users, g in groups, all(isinstance(u, pwd.struct_passwd) for u in users))
print(sorted(u.pw_name for u in users if u.pw_uid == 0), sorted(x.gr_name for x in groups if x.gr_gid == 0))
class Index:
    def __index__(self):
        return 0
print(pwd.getpwuid(Index()).pw_name, grp.getgrgid(Index()).gr_name)
for v in (54321, -1, 2**32 - 1, 2**32 - 2, 2**32, 2**64, -2, 'x', 1.5, True):
    t(pwd.getpwuid, v)
    t(grp.getgrgid, v)
for v in ('nosuchuser', 5, 'a\0b', b'root'):
    t(pwd.getpwnam, v)
    t(grp.getgrnam, v)
t(pwd.getpwuid)
t(pwd.getpwuid, uid=0)
t(pwd.getpwnam, name='root')
t(grp.getgrgid)
t(grp.getgrnam, nm='root')
r = pwd.struct_passwd(('n', 'p', 1, 2, 'g', '/d', '/s'))
print(r, r.pw_dir)
