/**
 * Health checks served by MicroProfile Health: readiness ({@code /health/ready}) needs Redis and a published
 * signing key; liveness ({@code /health/live}) only asks whether the key maintenance loop still runs, so a Redis
 * outage never gets a healthy instance restarted. Health data never carries a secret.
 */
package dev.rotor.issuer.operations.boundary;
