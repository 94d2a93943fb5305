// Front-end benchmark driver: parses and compiles to bytecode every file
// named on stdin, in one process, and prints the best time of N rounds in
// seconds. bench/frontend/run compares it with CPython's compile().
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "base/arena.h"
#include "python/compile/compiler.h"
#include "python/parse/parser.h"

int main(int argc, char** argv) {
  using namespace pyrite::python;
  int rounds = argc > 1 ? std::atoi(argv[1]) : 3;
  std::vector<std::pair<std::string, std::string>> files;
  for (std::string path; std::getline(std::cin, path);) {
    std::ifstream in(path, std::ios::binary);
    files.emplace_back(path, std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
  }
  double best = 1e100;
  size_t failures = 0, bytes = 0;
  for (int r = 0; r < rounds; r++) {
    failures = bytes = 0;
    auto start = std::chrono::steady_clock::now();
    for (auto& [path, source] : files) {
      pyrite::base::Arena arena;
      parse::SyntaxError error;
      ast::ModNode* mod = parse::parse(source, path, parse::ParseOptions{}, arena, &error);
      if (!mod || !compile::compile_module(mod, path, arena, &error)) failures++;
      bytes += source.size();
    }
    double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (t < best) best = t;
  }
  std::printf("%.6f %zu %zu %zu\n", best, files.size(), bytes, failures);
  return 0;
}
