// placeholder entry point; replaced by the project's real host.
return 0;
