import no_such_module_for_pyrite_tests  # noqa: F401
