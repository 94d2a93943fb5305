"""Objects of Pyrite's import system that programs inspect (docs/interp.md,
"Modules and imports"). The import machinery itself is C++ (import.cpp);
it makes one ModuleSpec per module it loads."""


class ModuleSpec:
    """Where a module came from: its name, loader, origin (the file) and,
    for a package, the directories searched for its submodules."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._set_fileattr = False
        self._cached = None
        self._uninitialized_submodules = []  # importlib tracks circular imports of submodules here

    def __repr__(self):
        parts = ["name=%r" % (self.name,), "loader=%r" % (self.loader,)]
        if self.origin is not None:
            parts.append("origin=%r" % (self.origin,))
        if self.submodule_search_locations is not None:
            parts.append("submodule_search_locations=%s" % (self.submodule_search_locations,))
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))

    def __eq__(self, other):
        if not isinstance(other, ModuleSpec):
            return NotImplemented
        return (self.name == other.name and self.loader == other.loader and self.origin == other.origin
                and self.submodule_search_locations == other.submodule_search_locations
                and self.cached == other.cached and self.has_location == other.has_location)

    __hash__ = None

    @property
    def parent(self):
        """The package the module belongs to ('' at top level)."""
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @property
    def cached(self):
        # Pyrite never writes or reads bytecode caches (sys.implementation.cache_tag is None).
        return self._cached

    @cached.setter
    def cached(self, value):
        self._cached = value


def spec_for(name, origin, is_package, search_locations):
    """The spec of a module the C++ import loads from `origin` (None for a
    namespace package). Once importlib is loaded (importlib_ready), its
    loader is importlib's, as CPython's; before, None, so that starting up
    never imports importlib. import.cpp copies spec.loader to __loader__."""
    spec = ModuleSpec(name, None, origin=origin, is_package=is_package)
    if search_locations is not None:
        spec.submodule_search_locations = list(search_locations)
    spec._set_fileattr = origin is not None
    if _external is not None:
        spec.loader = _loader_for(name, origin, search_locations)
    return spec


_bootstrap = None  # importlib._bootstrap and _bootstrap_external, once importlib is loaded
_external = None


def _loader_for(name, origin, search_locations):
    if origin is not None:
        return _external.SourceFileLoader(name, origin)
    namespace_loader = getattr(_external, "NamespaceLoader", None) or _external._NamespaceLoader
    return namespace_loader(name, list(search_locations or ()), _external.PathFinder._get_spec)


def _builtin_spec(module, name):
    # As importlib's _setup does for the C++ modules imported before it
    # (it also sets __package__ to '').
    _bootstrap._init_module_attrs(_bootstrap.ModuleSpec(name, _bootstrap.BuiltinImporter, origin="built-in"), module)


def _main_loader(module, spec):
    """__main__'s loader, as CPython's: the one of the module's spec under
    `-m`; for a script (no spec) a SourceFileLoader named '__main__';
    BuiltinImporter for -c, stdin and the REPL."""
    if spec is not None:
        if isinstance(spec, ModuleSpec) and spec.loader is None and spec.origin is not None:
            spec.loader = _external.SourceFileLoader(spec.name, spec.origin)
            module.__loader__ = spec.loader
        return
    file = getattr(module, "__file__", None)
    if isinstance(file, str) and file != "<stdin>":
        module.__loader__ = _external.SourceFileLoader("__main__", file)
    else:
        module.__loader__ = _bootstrap.BuiltinImporter


def builtin_imported(module):
    """A C++ module the import statement made after importlib was loaded:
    the spec importlib's BuiltinImporter gives it (CPython's)."""
    if getattr(module, "__spec__", None) is None:
        _builtin_spec(module, module.__name__)


def importlib_ready():
    """Called by import.cpp when the package importlib has been imported
    (the first time): from now on modules get importlib's loaders, and
    every module already imported gets the loader it would have had in
    CPython. importlib's own _setup already gave the C++ modules imported
    before it their BuiltinImporter spec; the ones imported since get it
    here. The spec objects stay the ones made at import (only their
    loader is set), so nothing holding them sees them change."""
    # TODO(#6): before importlib is imported __loader__ is None (CPython's
    # frozen importlib gives it at once), and these specs are ModuleSpec
    # above, not importlib's class (docs/modules.md, "_imp").
    global _bootstrap, _external
    if _external is not None:
        return
    import sys
    bootstrap = sys.modules.get("importlib._bootstrap")
    external = sys.modules.get("importlib._bootstrap_external")
    if bootstrap is None or external is None:
        return
    _bootstrap, _external = bootstrap, external
    builtin_names = sys.builtin_module_names
    module_type = type(sys)
    for name, module in list(sys.modules.items()):
        if not isinstance(module, module_type) or getattr(module, "__loader__", None) is not None:
            continue
        spec = getattr(module, "__spec__", None)
        if name == "__main__":
            _main_loader(module, spec)
            continue
        if spec is None:
            if name in builtin_names:
                _builtin_spec(module, name)
            continue
        if not isinstance(spec, ModuleSpec) or spec.loader is not None or spec.name != name:
            continue
        spec.loader = _loader_for(name, spec.origin, spec.submodule_search_locations)
        module.__loader__ = spec.loader


class MetaPathFinder:
    """sys.meta_path's finder, installed when `_imp` is first imported (that
    is, when importlib starts; modules/imp_module.cpp). Pyrite's `import`
    statement does not consult sys.meta_path; importlib's own entry points
    (importlib.import_module, importlib.util.find_spec, reload) do, and this
    hands them importlib's finders: BuiltinImporter for the C++ modules,
    then PathFinder over sys.path, whose sys.path_hooks entry for source
    files is path_hook_for_FileFinder below."""

    _names = None  # importlib._bootstrap's globals

    @classmethod
    def _machinery(cls):
        """importlib's BuiltinImporter and _bootstrap_external module. Never
        through an import statement, which could import importlib itself
        again: from sys.modules, or, when a test importing a fresh importlib
        has removed importlib.* from it, from the caller (importlib's
        _find_spec)."""
        if cls._names is None:
            import sys
            bootstrap = sys.modules.get("importlib._bootstrap")
            if bootstrap is not None:
                cls._names = vars(bootstrap)
            else:
                frame = sys._getframe(1)
                while frame is not None and frame.f_globals.get("__name__") != "importlib._bootstrap":
                    frame = frame.f_back
                if frame is None:
                    return None, None
                cls._names = frame.f_globals
        return cls._names["BuiltinImporter"], cls._names["_bootstrap_external"]

    @classmethod
    def find_spec(cls, name, path=None, target=None):
        import sys
        builtin_importer, external = cls._machinery()
        if external is None:
            return None
        if path is None:
            spec = builtin_importer.find_spec(name, path, target)
            if spec is not None:
                return spec
        return external.PathFinder.find_spec(name, path, target)

    @classmethod
    def _file_finder_hook(cls):
        """importlib's FileFinder hook for source files, made once."""
        if cls._hook is None:
            external = cls._machinery()[1]
            if external is None:
                return None
            cls._hook = external.FileFinder.path_hook(
                (external.SourceFileLoader, external.SOURCE_SUFFIXES))
        return cls._hook

    _hook = None

    @classmethod
    def invalidate_caches(cls):
        external = cls._machinery()[1]
        if external is not None:
            external.PathFinder.invalidate_caches()


def path_hook_for_FileFinder(path):
    """sys.path_hooks' entry (installed with sys.meta_path, so the list does
    not change when importlib first looks up a path, as regrtest checks):
    importlib's FileFinder for the directory `path`, made through its own
    FileFinder.path_hook; ImportError for what is not a directory."""
    hook = MetaPathFinder._file_finder_hook()
    if hook is None:
        raise ImportError("importlib is not initialized", path=path)
    return hook(path)
