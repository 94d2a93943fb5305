# -h prints the help to stdout and exits with status 0; --version too.
import os
os.environ['COLUMNS'] = '80'
import argparse
import sys

p = argparse.ArgumentParser(description='Demonstrates help.')
p.add_argument('--version', action='version', version='%(prog)s 2.5')
p.add_argument('path', help='where to look')
p.add_argument('--depth', type=int, default=1, help='how deep')
try:
    p.parse_args(['--version'])
except SystemExit as e:
    print('exit', e.code)
sys.stdout.flush()
p.parse_args(['-h'])
