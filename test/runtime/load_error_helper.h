// Test helper: the LoadError a load throws.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include <nni/trace.h>

// Loads `payload` as T and returns the LoadError; fails the test if nothing throws.
template <class T>
nni::LoadError load_error(const std::string& payload) {
  try {
    nni::load<T>(payload);
  } catch (const nni::LoadError& e) {
    return e;
  }
  ADD_FAILURE() << "no LoadError for " << payload;
  return nni::LoadError("none");
}
