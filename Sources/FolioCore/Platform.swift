// Folio is built, tested and packaged on Linux only: signal handling, errno and the terminal
// size use Glibc, the terminal layer the system's ncursesw, and nothing is tested elsewhere, so
// Package.swift claims no other platform. Anywhere else the build stops here with one clear
// line instead of hundreds of errors.
#if !os(Linux)
  #error("Folio builds on Linux only; see README.md, Installing")
#endif
