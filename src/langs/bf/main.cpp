// The pyrite-bf command: `pyrite-bf [--no-jit] [-X OPTION]... PROGRAM.b`
// (docs/bf.md; the -X options are DESIGN.md's command-line contract).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "jit/log/jitlog.h"
#include "jit/params.h"
#include "jit/trace/jit.h"
#include "langs/bf/driver.h"
#include "langs/bf/program.h"

namespace {

void usage(FILE* to) {
  std::fputs(
      "usage: pyrite-bf [--no-jit] [-X OPTION]... PROGRAM.b\n"
      "  --no-jit            the interpreter only (same as -X jit=off)\n"
      "  -X jit=off|on       turn the JIT off or on (on by default)\n"
      "  -X jit-NAME=VALUE   set a JIT parameter (-X jit-help lists them)\n"
      "  -X jitstats         print a JIT summary to stderr at exit\n"
      "  -X jittrace         print every installed trace to stderr\n"
      "  -X jitlog=FILE      write the JIT log (docs/jitlog.md) to FILE\n"
      "  -X jit-backend=x64|interp  machine code (default) or the IR interpreter\n"
      "  -X jit-opt=PASSES   optimizer passes: all (default), none, or a comma-separated list\n"
      "  -X jit-verify       run the IR verifier on recorded traces and after every pass\n"
      "unknown -X options are ignored.\n",
      to);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace pyrite;
  jit::Params params;
  bool use_jit = true, stats = false, print_traces = false;
  std::string log_path;
  jit::trace::JitOptions options;
  const char* path = nullptr;
  for (int i = 1; i < argc; i++) {
    std::string_view a = argv[i];
    if (a == "--no-jit") {
      use_jit = false;
    } else if (a == "-h" || a == "--help") {
      usage(stdout);
      return 0;
    } else if (a == "-X" || (a.size() > 2 && a.substr(0, 2) == "-X")) {
      std::string_view opt;
      if (a == "-X") {
        if (i + 1 >= argc) {
          usage(stderr);
          return 2;
        }
        opt = argv[++i];
      } else {
        opt = a.substr(2);
      }
      if (opt == "jit=off") use_jit = false;
      else if (opt == "jit=on") use_jit = true;
      else if (opt == "jitstats") stats = true;
      else if (opt == "jittrace") print_traces = true;
      else if (opt.substr(0, 7) == "jitlog=") log_path = opt.substr(7);
      else if (opt == "jit-backend=x64") options.machine_code = true;
      else if (opt == "jit-backend=interp") options.machine_code = false;
      else if (opt == "jit-verify") options.opt.verify_each = true;
      else if (opt.substr(0, 8) == "jit-opt=") {
        if (!jit::opt::set_passes(options.opt, opt.substr(8))) {
          std::string names;
          for (int p = 0; p < jit::opt::kNumPasses; p++)
            names += std::string(jit::opt::pass_name(static_cast<jit::opt::Pass>(p))) + ", ";
          std::fprintf(stderr, "pyrite-bf: -X %.*s: unknown pass (passes: %sall, none)\n",
                       static_cast<int>(opt.size()), opt.data(), names.c_str());
          return 2;
        }
      }
      else if (opt == "jit-help") {
        std::fputs(jit::params_help().c_str(), stdout);
        return 0;
      } else if (opt.substr(0, 4) == "jit-") {
        size_t eq = opt.find('=');
        if (eq == std::string_view::npos) continue;  // unknown: ignored
        std::string_view name = opt.substr(4, eq - 4), value = opt.substr(eq + 1);
        jit::ParamError e = jit::set_param(params, name, value);
        if (e == jit::ParamError::kUnknownName) continue;  // unknown: ignored
        if (e != jit::ParamError::kOk) {
          std::fprintf(stderr, "pyrite-bf: -X %.*s: %s\n", static_cast<int>(opt.size()),
                       opt.data(), jit::param_error_message(e));
          return 2;
        }
      }
      // any other -X option is ignored, as CPython does
    } else if (!path && (a.empty() || a[0] != '-' || a == "-")) {
      path = argv[i];
    } else {
      std::fprintf(stderr, "pyrite-bf: unknown option %s\n", argv[i]);
      usage(stderr);
      return 2;
    }
  }
  if (!path) {
    usage(stderr);
    return 2;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "pyrite-bf: cannot open %s: %s\n", path, std::strerror(errno));
    return 2;
  }
  std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  langs::bf::BfParseError perr;
  auto prog = langs::bf::parse_program(source, &perr);
  if (!prog) {
    std::fprintf(stderr, "pyrite-bf: %s:%u:%u: %s\n", path, perr.line, perr.column,
                 perr.message.c_str());
    return 2;
  }
  jit::trace::Jit jit(params, options);
  std::unique_ptr<jit::log::JitLog> log;
  if (use_jit && !log_path.empty()) {
    std::string error;
    log = jit::log::JitLog::open(log_path, "bf", path, &error);
    if (!log) {
      std::fprintf(stderr, "pyrite-bf: -X jitlog=%s: %s\n", log_path.c_str(), error.c_str());
      return 2;
    }
    jit.set_log(log.get());
  }
  std::string trace_log;
  langs::bf::RunResult r =
      langs::bf::run_program(*prog, use_jit ? &jit : nullptr, print_traces ? &trace_log : nullptr);
  if (print_traces) std::fputs(trace_log.c_str(), stderr);
  if (log) {
    jit.log_counters();
    log->close();
  }
  if (stats) {
    if (use_jit) std::fputs(jit.stats_text().c_str(), stderr);
    else std::fputs("jitstats: the JIT is off\n", stderr);
  }
  if (!r.ok) std::fprintf(stderr, "pyrite-bf: error: %s\n", r.error.c_str());
  int status = r.ok ? 0 : 1;
#if !defined(__SANITIZE_ADDRESS__)
  // Everything is written: leave without tearing down the JIT's traces and
  // code pool one by one (1.5% of mandelbrot_big's run), as compilers skip
  // freeing at exit. Sanitizer builds return, so the leak checker runs.
  std::fflush(stdout);
  std::fflush(stderr);
  std::_Exit(status);
#endif
  return status;
}
