// Traced classes for the object-semantics tests (objects_test.cpp).
#pragma once

#include <nni/trace.h>
