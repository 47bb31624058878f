/** The issuer's configuration record, its producer, and the start-up log line. */
package dev.rotor.issuer.configuration;
