// Measures the generator: `npm run build && node dist/src/demo/generator/measure.js [students] [--no-walk]`.
// Run one size per process so the peak RSS (process.resourceUsage().maxRSS) belongs to that size.
import { generateMunicipality } from './index';

const seconds = (since: bigint): string => `${(Number(process.hrtime.bigint() - since) / 1e9).toFixed(1)} s`;
const mib = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MiB`;

export const measure = (students: number, walk: boolean): string[] => {
  const lines: string[] = [];
  let start = process.hrtime.bigint();
  const dataset = generateMunicipality({ students });
  lines.push(`students ${students}: built in ${seconds(start)}, heap ${mib(process.memoryUsage().heapUsed)}`);
  lines.push(
    `  units ${dataset.description.schoolUnits}, staff ${dataset.description.staff}, persons ${dataset.persons.size}, activities ${dataset.activities.size}, ` +
      `calendarEvents ${dataset.calendarEvents.size}, attendances ${dataset.attendances.size}, absences ${dataset.absences.size}, grades ${dataset.grades.size}`,
  );
  start = process.hrtime.bigint();
  let rows = 0;
  for (const _ of dataset.aggregatedAttendance({ startDate: '2026-08-17', endDate: '2026-12-18' })) rows++;
  lines.push(`  term-wide aggregatedAttendance: ${rows} rows in ${seconds(start)}`);
  if (walk) {
    start = process.hrtime.bigint();
    let count = 0;
    for (const _ of dataset.attendances.values()) count++;
    lines.push(`  attendances.values() walk: ${count} rows in ${seconds(start)}`);
  }
  lines.push(`  peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}`);
  return lines;
};

if (require.main === module) {
  const students = Number(process.argv[2] ?? 600);
  if (!Number.isInteger(students) || students < 1) {
    process.stderr.write('usage: measure.js [students] [--no-walk]\n');
    process.exit(2);
  }
  process.stdout.write(`${measure(students, !process.argv.includes('--no-walk')).join('\n')}\n`);
}
