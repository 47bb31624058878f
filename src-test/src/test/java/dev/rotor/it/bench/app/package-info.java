/** The trivial JAX-RS application that the HTTP benchmark deploys once per verifier variant. */
package dev.rotor.it.bench.app;
