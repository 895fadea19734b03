// Discord snowflakes: (ms since 2015-01-01) << 22 | worker << 17 | process << 12 | increment.
// Generated ids are 18-19 digits, strictly increasing within one process, and carry a real
// timestamp (discord.js derives createdAt from them, and @discordjs/rest reads the timestamp of a
// message id to pick the "old message delete" bucket).

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;
let lastTimestamp = 0n;

export function snowflake(at: number = Date.now()): string {
  let ts = BigInt(at) - DISCORD_EPOCH;
  if (ts < lastTimestamp) ts = lastTimestamp;
  if (ts === lastTimestamp) {
    increment = (increment + 1n) & 0xfffn;
    if (increment === 0n) ts += 1n;
  } else {
    increment = 0n;
  }
  lastTimestamp = ts;
  return ((ts << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** True for the 17-19 digit ids Discord uses (and @discordjs/rest's route parser expects). */
export function isSnowflake(value: string): boolean {
  return /^\d{17,19}$/.test(value);
}
