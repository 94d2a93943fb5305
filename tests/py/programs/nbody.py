# N-body simulation of a few planets (own implementation), printing energies
# with repr so every bit of the float arithmetic is checked. Square roots use
# Newton's method so only +, -, *, / are involved.
def sqrt(x):
    if x == 0.0:
        return 0.0
    g = x if x > 1.0 else 1.0
    for _ in range(1100):
        ng = 0.5 * (g + x / g)
        if ng == g:
            break
        g = ng
    return g
PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24
bodies = {
    "sun": [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS],
    "jupiter": [[4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
                [1.66007664274403694e-03 * DAYS_PER_YEAR, 7.69901118419740425e-03 * DAYS_PER_YEAR, -6.90460016972063023e-05 * DAYS_PER_YEAR],
                9.54791938424326609e-04 * SOLAR_MASS],
    "saturn": [[8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
               [-2.76742510726862411e-03 * DAYS_PER_YEAR, 4.99852801234917238e-03 * DAYS_PER_YEAR, 2.30417297573763929e-05 * DAYS_PER_YEAR],
               2.85885980666130812e-04 * SOLAR_MASS],
    "uranus": [[1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
               [2.96460137564761618e-03 * DAYS_PER_YEAR, 2.37847173959480950e-03 * DAYS_PER_YEAR, -2.96589568540237556e-05 * DAYS_PER_YEAR],
               4.36624404335156298e-05 * SOLAR_MASS],
    "neptune": [[1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
                [2.68067772490389322e-03 * DAYS_PER_YEAR, 1.62824170038242295e-03 * DAYS_PER_YEAR, -9.51592254519715870e-05 * DAYS_PER_YEAR],
                5.15138902046611451e-05 * SOLAR_MASS],
}
system = list(bodies.values())
pairs = [(system[i], system[j]) for i in range(len(system)) for j in range(i + 1, len(system))]
def offset_momentum():
    px = py = pz = 0.0
    for (r, v, m) in system:
        px -= v[0] * m
        py -= v[1] * m
        pz -= v[2] * m
    sun_v = bodies["sun"][1]
    sun_v[0], sun_v[1], sun_v[2] = px / SOLAR_MASS, py / SOLAR_MASS, pz / SOLAR_MASS
def energy():
    e = 0.0
    for (r1, v1, m1), (r2, v2, m2) in pairs:
        dx, dy, dz = r1[0] - r2[0], r1[1] - r2[1], r1[2] - r2[2]
        e -= (m1 * m2) / sqrt(dx * dx + dy * dy + dz * dz)
    for (r, v, m) in system:
        e += m * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) / 2.0
    return e
def advance(dt, n):
    for _ in range(n):
        for (r1, v1, m1), (r2, v2, m2) in pairs:
            dx, dy, dz = r1[0] - r2[0], r1[1] - r2[1], r1[2] - r2[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * sqrt(d2))
            b1, b2 = m1 * mag, m2 * mag
            v1[0] -= dx * b2; v1[1] -= dy * b2; v1[2] -= dz * b2
            v2[0] += dx * b1; v2[1] += dy * b1; v2[2] += dz * b1
        for (r, v, m) in system:
            r[0] += dt * v[0]; r[1] += dt * v[1]; r[2] += dt * v[2]
offset_momentum()
print(repr(energy()))
for chunk in range(5):
    advance(0.01, 200)
    print(chunk, repr(energy()))
for name, (r, v, m) in bodies.items():
    print(name, [repr(c) for c in r])
print(repr(sqrt(2.0)), repr(sqrt(1e-300)), repr(sqrt(123456789.0)))
