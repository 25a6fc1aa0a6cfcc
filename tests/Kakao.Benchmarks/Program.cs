// placeholder entry point; replaced by the benchmark runner.
return 0;
