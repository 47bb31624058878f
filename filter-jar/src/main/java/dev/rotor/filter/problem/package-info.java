/** RFC 9457 problem details, shared by the verifier's filter and the issuer's resources. */
package dev.rotor.filter.problem;
