/** Validated, immutable configuration read from one key→value source. */
package dev.rotor.filter.configuration;
