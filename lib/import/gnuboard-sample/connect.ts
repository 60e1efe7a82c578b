// One mysql2 connection to a GnuBoard database. dateStrings: DATETIME columns carry no zone, so
// they must come back as the wall-clock text GnuBoard wrote, never as a Date in this process's zone.
import mysql, { type Connection, type ConnectionOptions } from "mysql2/promise";

export async function connectGnuboard(url: string, extra: ConnectionOptions = {}): Promise<Connection> {
  return mysql.createConnection({ uri: url, charset: "UTF8MB4_GENERAL_CI", dateStrings: true, ...extra });
}
