/* kaa's public C API: the umbrella header (the Python.h role). */
#ifndef KAA_H
#define KAA_H

#include "kaa/object.h"
#include "kaa/errors.h"
#include "kaa/intobject.h"
#include "kaa/floatobject.h"
#include "kaa/complexobject.h"
#include "kaa/strobject.h"
#include "kaa/bytesobject.h"
#include "kaa/buffer.h"
#include "kaa/tupleobject.h"
#include "kaa/listobject.h"
#include "kaa/dictobject.h"
#include "kaa/setobject.h"
#include "kaa/funcobject.h"
#include "kaa/moduleobject.h"
#include "kaa/rangeobject.h"
#include "kaa/weakrefobject.h"
#include "kaa/interp.h"

#define KAA_VERSION "0.1.0"
#define KAA_PYTHON_VERSION "3.11.7"

#endif
