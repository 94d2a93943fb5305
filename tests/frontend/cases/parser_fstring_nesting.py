f'{a}{b!r}{c!s:>{w}.{p}}{d!a:{e}}'
f'{x=!r:^20}' f'{ y = }'
f"{'nested' + f'{inner:{spec}}'}"
f'{a if b else c}' f'{(lambda: 1)()}' f'{x for x in y}'
f'{a, b}' f'{*a, b}' f'{yield}'
f'{{{x}}}' f'}}{{' f'\N{BULLET} {x}'
rf'\d{x}\n' Rf'{y}\t'
f'''
  {a +
   b!r:{c}}
'''
