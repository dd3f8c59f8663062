// Stands in for a module whose tests have not been written yet, so that the build stays valid;
// it registers no test, and ctest reports none for that module.
