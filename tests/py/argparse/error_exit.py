# An argparse error: usage and message on stderr, exit status 2.
import os
os.environ['COLUMNS'] = '80'
import argparse

p = argparse.ArgumentParser(prog='tool')
p.add_argument('--count', type=int, required=True)
p.add_argument('name')
print(sorted(vars(p.parse_args(['--count', '2', 'x'])).items()))
p.parse_args(['--count', 'many'])
print('not reached')
