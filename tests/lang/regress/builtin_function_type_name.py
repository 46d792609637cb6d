# type(<builtin function>).__name__ (kaa: KaaCFunction_Type is never readied).
import gc

print(type(len).__name__, type(gc.collect).__name__)
