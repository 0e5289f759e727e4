/**
 * Runnable examples of b2c-permissions: the pre-backup check demo against an embedded fake B2C
 * tenant, a small command-line tool, and a backup job that checks its permissions first. Not
 * published; copy what you need.
 */
@NullMarked
package io.github.b2cpermissions.examples;

import org.jspecify.annotations.NullMarked;
