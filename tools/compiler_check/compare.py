#!/usr/bin/env python3.11
"""Compares Pyrite's compiler with CPython 3.11's on every .py file under the
given roots (default /usr/lib/python3.11); see docs/compiler.md.

Build the driver first:
  g++ -std=c++20 -O1 -Isrc tools/compiler_check/code_info.cpp build/libpyrite_frontend.a \
      build/libpyrite_base.a $(pkg-config --libs icu-uc) -lgmp -o build/code_info

Checks, per code object (matched by qualname and first line):
  scopes   flags, argument counts, varnames (as a set), cellvars, freevars
  handlers the exception handlers' (depth, lasti) set
  lines    the set of lines that have instructions (tracing granularity)
and per file: compile errors (message, line, offset) for files CPython rejects.
Files Pyrite's parser rejects are counted, not compared (the parser has its
own check). Prints differences and a summary; exit status 1 on any scope,
handler or error difference.
"""
import argparse, collections, dis, os, subprocess, warnings

warnings.simplefilter('ignore')
FLAGMASK = 0x3ff


def walk(co, out):
    out.append(co)
    for c in co.co_consts:
        if hasattr(c, 'co_code'):
            walk(c, out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('roots', nargs='*', default=['/usr/lib/python3.11'])
    ap.add_argument('--driver', default='build/code_info')
    ap.add_argument('--show', type=int, default=10)
    args = ap.parse_args()
    counts = collections.Counter()
    shown = collections.Counter()

    def report(kind, msg):
        counts[kind] += 1
        if shown[kind] < args.show:
            shown[kind] += 1
            print(f'[{kind}] {msg}')

    for root0 in args.roots:
        for root, _, files in os.walk(root0):
            for f in sorted(files):
                if not f.endswith('.py'):
                    continue
                path = os.path.join(root, f)
                src = open(path, 'rb').read()
                try:
                    co = compile(src, path, 'exec')
                    expected = 'ok'
                except SyntaxError as e:
                    co, expected = None, f'SyntaxError: {e.msg} ({e.lineno}:{e.offset})'
                except Exception as e:
                    co, expected = None, 'other ' + type(e).__name__
                r = subprocess.run([args.driver, path], capture_output=True, text=True, errors='surrogateescape')
                counts['files'] += 1
                if r.stdout.startswith('parse error'):
                    counts['parser rejects'] += 1
                    continue
                got = 'ok' if r.returncode == 0 else r.stdout.strip().split('\n')[0] or f'crash {r.returncode}'
                if co is None or got != 'ok':
                    if got != expected:
                        report('errors', f'{path}: expected {expected!r}, got {got!r}')
                    continue
                mine = collections.defaultdict(list)
                for line in r.stdout.split('\n'):
                    if line:
                        mine[tuple(line.split('\x1e')[:2])].append(line.split('\x1e'))
                cos = []
                walk(co, cos)
                for c in cos:
                    key = (c.co_qualname, str(c.co_firstlineno))
                    if not mine[key]:
                        continue  # in code CPython keeps and Pyrite proved dead
                    m = mine[key].pop(0)
                    counts['code objects'] += 1
                    exp = (c.co_flags & FLAGMASK, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount,
                           set(c.co_varnames), list(c.co_cellvars), list(c.co_freevars))
                    got = (int(m[2]) & FLAGMASK, int(m[3]), int(m[4]), int(m[5]), set(m[6].split(',')[:-1]),
                           m[7].split(',')[:-1], m[8].split(',')[:-1])
                    if exp != got:
                        report('scopes', f'{path} {key}\n    cpython {exp}\n    pyrite  {got}')
                    hs = sorted({(e.target, str(e.depth) + ('L' if e.lasti else ''))
                                 for e in dis._parse_exception_table(c)})
                    hs = sorted(h[1] for h in hs)
                    if hs != sorted(m[13].split(',')[:-1]):
                        report('handlers', f'{path} {key}: cpython {hs} pyrite {sorted(m[13].split(",")[:-1])}')
                    lines = {l for _, _, l in c.co_lines() if l is not None}
                    mylines = {int(x) for x in m[12].split(',')[:-1]} - {-1}
                    if lines != mylines:
                        report('lines', f'{path} {key}: cpython-only {sorted(lines - mylines)[:6]} '
                                        f'pyrite-only {sorted(mylines - lines)[:6]}')
    print(', '.join(f'{k}: {v}' for k, v in counts.items()))
    return 1 if counts['scopes'] or counts['handlers'] or counts['errors'] else 0


if __name__ == '__main__':
    raise SystemExit(main())
