# Floating-point functions of the math module, and their domain/range errors.
import math

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.exp(1), math.exp(-1), math.exp2(10), math.expm1(1e-10))
print(math.log(math.e), math.log(100, 10), math.log(8, 2), math.log2(1024), math.log10(0.001))
print(math.log1p(1e-10), math.log(2**2000), math.log10(10**400), math.log2(2**3000))
print(math.log(10**30, 10), math.log(7 * 10**500))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.sin(1), math.cos(1), math.tan(1), math.asin(0.5), math.acos(0.5), math.atan(1))
print(math.atan2(1, 1), math.atan2(-0.0, -1), math.sinh(1), math.cosh(1), math.tanh(1))
print(math.asinh(1), math.acosh(2), math.atanh(0.5), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.hypot(1, 2, 3), math.hypot(), math.hypot(-5), math.hypot(1e308, 1e308))
print(math.dist((1, 2, 3), (4, 5, 6)), math.dist([0, 0], [3, 4]))
print(math.fabs(-2), math.fmod(7, 3), math.fmod(-7, 3), math.remainder(10, 3), math.copysign(3, -0.0))
print(math.modf(-3.5), math.modf(math.inf), math.frexp(-8.5), math.frexp(0.0), math.ldexp(0.5, 4))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308))
print(math.isclose(1, 1.0000000001), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2))
print(math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.erf(1), math.erfc(1), math.gamma(5), math.gamma(0.5), math.lgamma(10), math.lgamma(-2.5))
print(math.nextafter(1, 2), math.ulp(1.0), math.cbrt(27))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.log(8, 1),
            lambda: math.exp(1000), lambda: math.pow(0, -1), lambda: math.pow(-1, 0.5),
            lambda: math.pow(10, 400), lambda: math.asin(2), lambda: math.cos(math.inf),
            lambda: math.fmod(1, 0), lambda: math.ldexp(1, 10000), lambda: math.gamma(0),
            lambda: math.gamma(-1), lambda: math.gamma(200), lambda: math.lgamma(0),
            lambda: math.atanh(1), lambda: math.sqrt(10**400), lambda: math.sqrt('a'),
            lambda: math.sqrt(), lambda: math.sqrt(1, 2), lambda: math.sqrt(x=1),
            lambda: math.log(), lambda: math.log(1, 2, 3), lambda: math.atan2(1),
            lambda: math.atan2(1, x=2), lambda: math.ldexp(1.0, 1.5), lambda: math.hypot('a'),
            lambda: math.isclose(1, 2, rel_tol=-1), lambda: math.isclose(1, 2, 3),
            lambda: math.dist([1], [1, 2])]:
    show(bad)
