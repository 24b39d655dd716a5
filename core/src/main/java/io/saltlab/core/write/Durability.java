package io.saltlab.core.write;

/**
 * How much of a target folder's write survives a crash of the machine, and what it costs. Either
 * way a killed process (SIGKILL, out of memory, Ctrl-C) never leaves a torn folder: the next write
 * or check finds the old folder, or a committed journal that the next write finishes into the new
 * one. The difference is a power loss or kernel crash.
 */
public enum Durability {
  /**
   * The default: no file is forced to disk, so writing costs what the page cache costs. A power
   * loss within the operating system's write-back delay (about 30 seconds on Linux) after a write
   * may leave files of that write empty or old, never a file of the user's; rendering again repairs
   * the folder, and {@code check} shows what needs it.
   */
  STANDARD,
  /**
   * Every new file and the journal are forced to disk before the swap, and the folders after it,
   * the forces issued in parallel. After a power loss each generated file is either its old or its
   * new version, and a committed journal is finished by the next write: the folder is then wholly
   * new. Costs the disk's sync latency a few times, not once per file in sequence.
   */
  DURABLE
}
