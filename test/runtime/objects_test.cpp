// Object semantics: constructors, inheritance, factories (see objects.h).
#include <gtest/gtest.h>

#include "objects.h"
