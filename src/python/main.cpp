// The `pyrite` command: CPython's command line (docs/cli.md).
//
//   pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...
//
// Front-end inspection: `--dump-ast FILE` prints ast.dump() of the file,
// `--dis FILE` its bytecode.
#include <csignal>
#include <cstdio>
#include <clocale>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "base/arena.h"
#include "python/compile/compiler.h"
#include "python/compile/disassembler.h"
#include "python/interp/code_cache.h"
#include "python/interp/pyrun.h"
#include "python/parse/parser.h"
#include "python/parse/syntax_error.h"

namespace pyrite::python {
namespace {

constexpr const char* kVersion = "Python 3.11.2 (Pyrite 0.1.0)";

constexpr const char* kUsage = "usage: pyrite [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

constexpr const char* kHelp =
    "Options and arguments:\n"
    "-b     : issue warnings about str(bytes_instance), str(bytearray_instance)\n"
    "-B     : don't write compiled files on import (Pyrite never writes .pyc)\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-d     : turn on parser debugging output\n"
    "-E     : ignore PYTHON* environment variables\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script\n"
    "-I     : isolate Python from the user's environment (implies -E and -s)\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements\n"
    "-OO    : do -O changes and also discard docstrings\n"
    "-P     : don't prepend a potentially unsafe path to sys.path\n"
    "-q     : don't print version and copyright messages on interactive startup\n"
    "-s     : don't add user site directory to sys.path\n"
    "-S     : don't imply 'import site' on initialization\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-v     : verbose (trace import statements)\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "-W arg : warning control\n"
    "-x     : skip first line of source\n"
    "-X opt : set implementation-specific option:\n"
    "         -X jit=off          interpreter only\n"
    "         -X jit-threshold=N  hot-loop threshold (1 = compile at once)\n"
    "         -X jitlog=FILE      write the structured JIT log\n"
    "         -X jitstats         print JIT statistics at exit\n"
    "         -X gc-stress        collect at every allocation (=N: at every N-th)\n"
    "         -X gc-verify        run the heap verifier before and after every collection\n"
    "         -X ast-attributes   --dump-ast prints positions too (include_attributes=True)\n"
    "         unknown options are ignored, as CPython does\n"
    "--dump-ast FILE : print ast.dump() of FILE's syntax tree and exit\n"
    "--dis FILE      : print the bytecode of every code object in FILE and exit\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

struct CommandLine {
  enum class Action { kRunFile, kRunCommand, kRunModule, kRunStdin, kDumpAst, kDis } action = Action::kRunStdin;
  std::string target;  // file, command text or module name
  std::vector<std::string> argv;  // what becomes sys.argv
  std::map<std::string, std::string> xoptions;
  int optimize = 0;
  bool skip_first_line = false;
  bool unbuffered = false;  // -u
  std::vector<std::string> warnoptions;  // -W
  bool dont_write_bytecode = false;  // -B
  RunOptions::Flags flags;  // the sys.flags options given on the command line (-b -d -E -i -I -P -q -s -S -v)
  std::vector<std::pair<std::string, std::optional<std::string>>> xoption_list;  // sys._xoptions, in order
  std::vector<std::string> orig_argv;  // sys.orig_argv
};

int usage_error(const std::string& message) {
  std::fprintf(stderr, "%s\n%sTry `pyrite -h' for more information.\n", message.c_str(), kUsage);
  return 2;
}

// Parses argv as CPython does: single-letter options may be bundled
// (`-OO`, `-Ec cmd`), and -c / -m / a file name end the option list.
// Returns -1 to go on, or an exit status.
int parse_command_line(int argc, char** argv, CommandLine* cl) {
  cl->orig_argv.assign(argv, argv + argc);
  int i = 1;
  for (; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--") {
      i++;
      break;
    }
    if (arg == "--version") {
      std::printf("%s\n", kVersion);
      return 0;
    }
    if (arg == "--help") {
      std::printf("%s%s", kUsage, kHelp);
      return 0;
    }
    if (arg == "--dump-ast" || arg == "--dis") {
      if (i + 1 >= argc) return usage_error("Argument expected for the " + arg + " option");
      cl->action = arg == "--dump-ast" ? CommandLine::Action::kDumpAst : CommandLine::Action::kDis;
      cl->target = argv[++i];
      return -1;
    }
    if (arg.size() < 2 || arg[0] != '-' || arg == "-") break;
    if (arg[1] == '-') return usage_error("unknown option " + arg);
    for (size_t k = 1; k < arg.size(); k++) {
      char c = arg[k];
      auto operand = [&](std::string* out) -> bool {
        if (k + 1 < arg.size()) {
          *out = arg.substr(k + 1);
        } else if (i + 1 < argc) {
          *out = argv[++i];
        } else {
          return false;
        }
        k = arg.size();
        return true;
      };
      std::string value;
      switch (c) {
        case 'c':
        case 'm':
          if (!operand(&value)) return usage_error(std::string("Argument expected for the -") + c + " option");
          cl->action = c == 'c' ? CommandLine::Action::kRunCommand : CommandLine::Action::kRunModule;
          cl->target = value;
          cl->argv.push_back(c == 'c' ? "-c" : "-m");
          for (int j = i + 1; j < argc; j++) cl->argv.push_back(argv[j]);
          return -1;
        case 'X': {
          if (!operand(&value)) return usage_error("Argument expected for the -X option");
          size_t eq = value.find('=');
          if (eq == std::string::npos) {
            cl->xoptions[value] = "";
            cl->xoption_list.emplace_back(value, std::nullopt);
          } else {
            cl->xoptions[value.substr(0, eq)] = value.substr(eq + 1);
            cl->xoption_list.emplace_back(value.substr(0, eq), value.substr(eq + 1));
          }
          break;
        }
        case 'W':
          if (!operand(&value)) return usage_error("Argument expected for the -W option");
          cl->warnoptions.push_back(value);
          break;
        case 'V':
          std::printf("%s\n", kVersion);
          return 0;
        case 'h':
        case '?':
          std::printf("%s%s", kUsage, kHelp);
          return 0;
        case 'O':
          cl->optimize++;
          break;
        case 'x':
          cl->skip_first_line = true;
          break;
        case 'B':
          cl->dont_write_bytecode = true;
          break;
        case 'b':
          cl->flags.bytes_warning++;
          break;
        case 'd':
          cl->flags.debug++;
          break;
        case 'E':
          cl->flags.ignore_environment = 1;
          break;
        case 'i':
          cl->flags.inspect = cl->flags.interactive = 1;
          break;
        case 'I':
          // Isolated mode implies -E, -s and -P.
          cl->flags.isolated = cl->flags.ignore_environment = cl->flags.no_user_site = 1;
          cl->flags.safe_path = true;
          break;
        case 'P':
          cl->flags.safe_path = true;
          break;
        case 'q':
          cl->flags.quiet = 1;
          break;
        case 's':
          cl->flags.no_user_site = 1;
          break;
        case 'S':
          cl->flags.no_site = 1;
          break;
        case 'v':
          cl->flags.verbose++;
          break;
        case 'u':
          cl->unbuffered = true;
          break;
        default:
          return usage_error(std::string("Unknown option: -") + c);
      }
    }
  }
  if (i < argc) {
    std::string target = argv[i];
    cl->action = target == "-" ? CommandLine::Action::kRunStdin : CommandLine::Action::kRunFile;
    cl->target = target;
    for (int j = i; j < argc; j++) cl->argv.push_back(argv[j]);
  } else {
    cl->argv.push_back("");
  }
  return -1;
}

// CPython names the main script by its absolute path (os.path.abspath:
// joined to the working directory, "." and ".." folded, links kept).
std::string absolute_path(const std::string& path) {
  std::string joined = path;
  if (path.empty() || path[0] != '/') {
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) return path;
    joined = std::string(cwd) + "/" + path;
  }
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= joined.size()) {
    size_t j = joined.find('/', i);
    if (j == std::string::npos) j = joined.size();
    std::string part = joined.substr(i, j - i);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    i = j + 1;
  }
  std::string out;
  for (auto& p : parts) out += "/" + p;
  return out.empty() ? "/" : out;
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

int cannot_open(const std::string& path) {
  std::fprintf(stderr, "pyrite: can't open file '%s': [Errno %d] %s\n", path.c_str(), errno, std::strerror(errno));
  return 2;
}

int dump_ast(const std::string& path, bool include_attributes) {
  std::string source;
  if (!read_file(path, &source)) return cannot_open(path);
  base::Arena arena;
  parse::SyntaxError error;
  ast::ModNode* mod = parse::parse(source, path, parse::ParseOptions{}, arena, &error);
  if (!mod) {
    std::printf("%s\n", parse::describe_syntax_error(error).c_str());
    return 1;
  }
  bool too_deep = false;
  std::string out = ast::dump(mod, include_attributes, &too_deep);
  if (too_deep) {
    std::printf("RecursionError: maximum recursion depth exceeded during ast construction\n");
    return 1;
  }
  out += '\n';
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

int report_syntax_error(const parse::SyntaxError& error) {
  std::fflush(stdout);
  std::string report = parse::format_syntax_error(error);
  std::fwrite(report.data(), 1, report.size(), stderr);
  return 1;
}

// Parses and compiles a whole program; nullptr after reporting the error.
// A script named on the command line is read the way CPython's file reader
// reads it (`script_file`), which differs from compile() in a few errors.
std::unique_ptr<compile::CodeUnit> compile_program(const std::string& source, const std::string& filename,
                                                   bool source_is_bytes, bool script_file, int optimize,
                                                   base::Arena& arena) {
  parse::SyntaxError error;
  parse::ParseOptions options;
  options.source_is_bytes = source_is_bytes;
  options.script_file = script_file;
  ast::ModNode* mod = parse::parse(source, filename, options, arena, &error);
  if (!mod) {
    report_syntax_error(error);
    return nullptr;
  }
  compile::CompileOptions copts;
  copts.optimize = optimize;
  copts.source = source;
  auto code = compile::compile_module(mod, filename, arena, &error, copts);
  if (!code) report_syntax_error(error);
  return code;
}

int disassemble_file(const std::string& path, int optimize) {
  std::string source;
  if (!read_file(path, &source)) return cannot_open(path);
  base::Arena arena;
  auto code = compile_program(source, path, true, false, optimize, arena);
  if (!code) return 1;
  std::string out = compile::disassemble(*code);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return 0;
}

// Runs a program: syntax errors are reported exactly as CPython reports
// them; otherwise the interpreter executes it as __main__.
// As CPython at start-up, LC_CTYPE becomes the user's locale (the other
// categories stay "C" until the program calls locale.setlocale). Its
// character encoding is ASCII in the C and POSIX locales, where CPython
// turns on UTF-8 mode by itself: true then.
bool c_locale() {
  const char* name = std::setlocale(LC_CTYPE, "");
  return !name || std::strcmp(name, "C") == 0 || std::strcmp(name, "POSIX") == 0;
}

[[noreturn]] void invalid_int_max_str_digits(const char* where) {
  std::fprintf(stderr,
               "Fatal Python error: config_init_int_max_str_digits: %s: invalid limit; must be >= 640 or 0 for "
               "unlimited.\nPython runtime state: preinitialized\n\n",
               where);
  std::exit(1);
}

// CPython's int_max_str_digits setting: a decimal number, 0 or at least 640.
int parse_int_max_str_digits(const std::string& text, const char* where) {
  char* end = nullptr;
  long n = text.empty() ? -1 : std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || n < 0 || (n > 0 && n < 640) || n > INT32_MAX) invalid_int_max_str_digits(where);
  return static_cast<int>(n);
}

// sys.flags from the options and the PYTHON* environment variables (which
// -E and -I make Pyrite ignore, as CPython).
void set_flags(const CommandLine& cl, RunOptions* o) {
  RunOptions::Flags& f = o->flags;
  f = cl.flags;
  auto env = [&](const char* name) -> const char* {
    if (f.ignore_environment) return nullptr;
    const char* v = std::getenv(name);
    return v && *v ? v : nullptr;
  };
  // PYTHONDEBUG=N and the like raise the flag to N (1 when N is no number).
  auto env_level = [&](const char* name, int* flag) {
    const char* v = env(name);
    if (!v) return;
    char* end = nullptr;
    long n = std::strtol(v, &end, 10);
    if (*end != '\0' || n < 0) n = 1;
    if (*flag < n) *flag = static_cast<int>(n > INT32_MAX ? INT32_MAX : n);
  };
  env_level("PYTHONDEBUG", &f.debug);
  env_level("PYTHONVERBOSE", &f.verbose);
  env_level("PYTHONINSPECT", &f.inspect);
  env_level("PYTHONNOUSERSITE", &f.no_user_site);
  env_level("PYTHONOPTIMIZE", &o->optimize);
  if (env("PYTHONDONTWRITEBYTECODE")) f.dont_write_bytecode = 1;
  if (cl.dont_write_bytecode) f.dont_write_bytecode = 1;
  if (env("PYTHONUNBUFFERED")) o->unbuffered = true;
  if (env("PYTHONSAFEPATH")) f.safe_path = true;
  if (env("PYTHONDEVMODE")) f.dev_mode = true;
  if (env("PYTHONWARNDEFAULTENCODING")) f.warn_default_encoding = 1;
  // Pyrite's str and bytes hashes use a fixed key: never randomized.
  f.hash_randomization = 0;
  if (const char* v = env("PYTHONUTF8")) f.utf8_mode = std::strcmp(v, "0") != 0;
  else f.utf8_mode = c_locale();
  if (const char* v = env("PYTHONINTMAXSTRDIGITS")) f.int_max_str_digits = parse_int_max_str_digits(v, "PYTHONINTMAXSTRDIGITS");
  for (const auto& [name, value] : cl.xoption_list) {
    if (name == "dev") f.dev_mode = true;
    if (name == "warn_default_encoding") f.warn_default_encoding = 1;
    if (name == "utf8") f.utf8_mode = !value || *value != "0";
    if (name == "int_max_str_digits")
      f.int_max_str_digits = parse_int_max_str_digits(value.value_or(""), "-X int_max_str_digits");
  }
}

RunOptions run_options(const CommandLine& cl, const std::string& script_dir, const char* argv0) {
  RunOptions o;
  o.argv = cl.argv;
  o.optimize = cl.optimize;
  o.unbuffered = cl.unbuffered;
  set_flags(cl, &o);
  o.xoptions = cl.xoption_list;
  o.orig_argv = cl.orig_argv;
  o.script_dir = script_dir;
  if (auto it = cl.xoptions.find("gc-stress"); it != cl.xoptions.end()) {
    o.gc_stress = true;
    if (!it->second.empty()) {
      char* end = nullptr;
      unsigned long n = std::strtoul(it->second.c_str(), &end, 10);
      if (*end != '\0' || n == 0 || n > 1000000000) {
        std::fprintf(stderr, "pyrite: -X gc-stress=N needs a positive integer N, got '%s'\n", it->second.c_str());
        std::exit(2);
      }
      o.gc_stress_interval = static_cast<uint32_t>(n);
    }
  }
  o.gc_verify = cl.xoptions.count("gc-verify") > 0;
  // The bytecode cache of imported modules (docs/bytecode_cache.md).
  {
    auto it = cl.xoptions.find("bytecode-cache");
    bool enabled = it == cl.xoptions.end() || it->second != "off";
    code_cache_configure(enabled, !o.flags.dont_write_bytecode);
  }
  // PYTHONWARNINGS (comma-separated) comes before the -W options.
  if (const char* env = std::getenv("PYTHONWARNINGS"); env && *env && !o.flags.ignore_environment) {
    std::string all = env;
    size_t start = 0;
    while (start <= all.size()) {
      size_t comma = all.find(',', start);
      if (comma == std::string::npos) comma = all.size();
      if (comma > start) o.warnoptions.push_back(all.substr(start, comma - start));
      start = comma + 1;
    }
  }
  for (const std::string& w : cl.warnoptions) o.warnoptions.push_back(w);
  o.executable = absolute_path(argv0);
  return o;
}

// Initializes the interpreter; then, as CPython, enables faulthandler for
// -X faulthandler, PYTHONFAULTHANDLER (unless -E) and -X dev.
void start(const CommandLine& cl, const RunOptions& o) {
  init_interpreter(o);
  const char* env = o.flags.ignore_environment ? nullptr : std::getenv("PYTHONFAULTHANDLER");
  if (cl.xoptions.count("faulthandler") || (env && *env) || o.flags.dev_mode) {
    if (!enable_faulthandler_at_startup()) {
      std::fprintf(stderr, "pyrite: cannot enable faulthandler\n");
      std::exit(1);
    }
  }
}

std::string dir_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

int main(int argc, char** argv) {
  CommandLine cl;
  int status = parse_command_line(argc, argv, &cl);
  if (status >= 0) return status;
  if (cl.action != CommandLine::Action::kDumpAst && cl.action != CommandLine::Action::kDis) {
    // As CPython at startup: writing to a closed pipe or past the file size
    // limit raises BrokenPipeError or OSError(EFBIG) instead of killing the
    // process (`pyrite prog.py | head` gets the exception). Children made by
    // os.fork/os.exec* inherit this, as CPython's do.
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGXFSZ, SIG_IGN);
  }
  switch (cl.action) {
    case CommandLine::Action::kDumpAst:
      return dump_ast(cl.target, cl.xoptions.count("ast-attributes") > 0);
    case CommandLine::Action::kDis:
      return disassemble_file(cl.target, cl.optimize);
    case CommandLine::Action::kRunFile: {
      std::string source;
      if (!read_file(cl.target, &source)) return cannot_open(cl.target);
      if (cl.skip_first_line) {
        size_t nl = source.find('\n');
        source = nl == std::string::npos ? "" : source.substr(nl);
      }
      std::string path = absolute_path(cl.target);
      start(cl, run_options(cl, dir_of(path), argv[0]));
      return run_main_file(source, path);
    }
    case CommandLine::Action::kRunCommand:
      start(cl, run_options(cl, "", argv[0]));
      return run_main_source(cl.target + "\n", "<string>");
    case CommandLine::Action::kRunModule: {
      // sys.path[0] is the current directory, as CPython's -m.
      char cwd[4096];
      std::string dir = getcwd(cwd, sizeof cwd) ? cwd : ".";
      start(cl, run_options(cl, dir, argv[0]));
      return run_main_module(cl.target);
    }
    case CommandLine::Action::kRunStdin: {
      std::string source((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
      start(cl, run_options(cl, "", argv[0]));
      return run_main_source(source, "<stdin>");
    }
  }
  return 0;
}

}  // namespace
}  // namespace pyrite::python

int main(int argc, char** argv) { return pyrite::python::main(argc, argv); }
