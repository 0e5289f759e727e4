/**
 * A fake Microsoft Graph B2C tenant for tests: an in-memory, stateful tenant served over HTTPS on
 * loopback, with a token endpoint, admin consent endpoints, deterministic faults and a request
 * journal, plus a JUnit 5 extension and AssertJ assertions for verification reports.
 */
@NullMarked
package io.github.b2cpermissions.testkit;

import org.jspecify.annotations.NullMarked;
