f'plain'
f'{x}'
f'{x!r} {y!s} {z!a}'
f'{x:>10} {y:{w}.{p}f}'
f'{x=} {y = !r} {z=:>5}'
f'{{literal}} {x}'
'a' f'{b}' 'c'
u'k' f'{x}'
f'''multi
{x +
 y}'''
rf'\n{x}'
f'{"nested"}' f"{'q'}"
f'{x:{"fmt"}}'
f'{3.14:.2f}'
f'{a["k"]}'
