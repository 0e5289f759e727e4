/**
 * The b2c-permissions implementations on Microsoft Graph: a {@code PermissionVerifier} that reads a
 * tenant's grants from the directory, from the backup job's token, or both, and a {@code
 * ConsentUrlBuilder} for every national cloud. {@link
 * io.github.b2cpermissions.graph.GraphCloud} names the cloud both talk to.
 */
@NullMarked
package io.github.b2cpermissions.graph;

import org.jspecify.annotations.NullMarked;
