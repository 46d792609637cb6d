# Float arithmetic with attribute access: n-body simulation over Body instances.
PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z


class Body:
    def __init__(self, x, y, z, vx, vy, vz, mass):
        self.pos = Vec(x, y, z)
        self.vx = vx * DAYS_PER_YEAR
        self.vy = vy * DAYS_PER_YEAR
        self.vz = vz * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS


def make_system():
    return [
        Body(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0),
        Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01,
             1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05,
             9.54791938424326609e-04),
        Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01,
             -2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05,
             2.85885980666130812e-04),
        Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01,
             2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05,
             4.36624404335156298e-05),
        Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01,
             2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05,
             5.15138902046611451e-05),
    ]


def offset_momentum(bodies):
    px = py = pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun = bodies[0]
    sun.vx = -px / SOLAR_MASS
    sun.vy = -py / SOLAR_MASS
    sun.vz = -pz / SOLAR_MASS


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
        for j in range(i + 1, n):
            c = bodies[j]
            dx = b.pos.x - c.pos.x
            dy = b.pos.y - c.pos.y
            dz = b.pos.z - c.pos.z
            e -= (b.mass * c.mass) / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            b = bodies[i]
            bp = b.pos
            for j in range(i + 1, n):
                c = bodies[j]
                cp = c.pos
                dx = bp.x - cp.x
                dy = bp.y - cp.y
                dz = bp.z - cp.z
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                bm = b.mass * mag
                cm = c.mass * mag
                b.vx -= dx * cm
                b.vy -= dy * cm
                b.vz -= dz * cm
                c.vx += dx * bm
                c.vy += dy * bm
                c.vz += dz * bm
        for b in bodies:
            p = b.pos
            p.x += dt * b.vx
            p.y += dt * b.vy
            p.z += dt * b.vz


class Particle:
    def __init__(self, x, y, vx, vy):
        self.x = x
        self.y = y
        self.vx = vx
        self.vy = vy

    def step(self, dt, g):
        self.vy -= g * dt
        self.x += self.vx * dt
        self.y += self.vy * dt
        if self.y < 0.0:
            self.y = -self.y
            self.vy = -self.vy * 0.9
        if self.x < 0.0 or self.x > 100.0:
            self.vx = -self.vx


def particles(n, steps):
    ps = []
    for i in range(n):
        ps.append(Particle(i * 0.37 % 100.0, 10.0 + i % 17, (i % 11) - 5.0, 0.0))
    for _ in range(steps):
        for p in ps:
            p.step(0.01, 9.81)
    sx = 0.0
    sy = 0.0
    for p in ps:
        sx += p.x
        sy += p.y
    return sx, sy


bodies = make_system()
offset_momentum(bodies)
print(f"{energy(bodies):.9f}")
advance(bodies, 0.01, 120000)
print(f"{energy(bodies):.9f}")
sx, sy = particles(300, 1000)
print(f"{sx:.6f} {sy:.6f}")
