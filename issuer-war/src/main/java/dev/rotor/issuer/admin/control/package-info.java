/** Administration: user changes that revoke sessions. */
package dev.rotor.issuer.admin.control;
