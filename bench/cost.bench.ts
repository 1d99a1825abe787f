// Issue 10's cost limit: what pricing an operation (src/gateway/operation-cost.ts) costs the gateway
// per request, on the standard queries of issue 3 (bench/graph/queries.ts) and the two documents the
// limit exists for. The schema is the gateway's own API schema (@apollo/gateway loading the committed
// supergraph); parse and validate are timed alongside for scale, since every request pays them too
// (Apollo caches a parsed, validated document; the cost depends on the variables and is computed each time).
// Median of ROUNDS rounds of ITERATIONS back-to-back calls, in µs per call; no network, no stack.
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ApolloGateway } from '@apollo/gateway';
import { parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import { pino } from 'pino';
import { SUPERGRAPH_PATH } from '../src/config/paths';
import { COST_MODEL, operationCost } from '../src/gateway/operation-cost';
import { operationLimitRules } from '../src/gateway/operation-limits';
import {
  PERSONS_PAGE,
  SCHOOL_UNIT_CLASSES,
  STUDENT_RECORD,
  STUDENT_RECORD_RANGE,
  TEACHER_WEEK,
  TEACHER_WEEK_RANGE,
  WALK_PAGE,
} from './graph/queries';
import { median, printTable } from './measure';

const ROUNDS = 7;
const ITERATIONS = 2_000;

/** persons(first: 200) → groupMemberships → group → groupMemberships → person → … (12 deep, legal). */
export const DEEP_MEMBERSHIPS = `{ persons(first: 200) { edges { node { groupMemberships { group { groupMemberships { person {
  groupMemberships { group { groupMemberships { person { id } } } } } } } } } } } }`;

/** 30 aliased absenceSummary calls (the alias limit's maximum). */
export const THIRTY_SUMMARIES = `{ ${Array.from(
  { length: 30 },
  (_, index) =>
    `s${index}: absenceSummary(startDate: "2026-08-17", endDate: "2026-12-18", groupBy: STUDENT) { edges { node { studentCount absenceRate } } }`,
).join(' ')} }`;

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

const CASES: readonly Case[] = [
  { name: 'school unit → classes → students → guardians', query: SCHOOL_UNIT_CLASSES, variables: { id: 'unit' } },
  { name: `persons page (first: ${WALK_PAGE})`, query: PERSONS_PAGE, variables: { first: WALK_PAGE } },
  { name: "teacher's week", query: TEACHER_WEEK, variables: { duty: 'duty', ...TEACHER_WEEK_RANGE } },
  { name: "student's record", query: STUDENT_RECORD, variables: { id: 'student', ...STUDENT_RECORD_RANGE } },
  { name: 'deep memberships (refused)', query: DEEP_MEMBERSHIPS, variables: {} },
  { name: '30 × absenceSummary (refused)', query: THIRTY_SUMMARIES, variables: {} },
];

/** µs per call of `task`: the median over rounds. */
const microseconds = (task: () => unknown): number => {
  for (let i = 0; i < ITERATIONS; i++) task();
  const rounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    for (let i = 0; i < ITERATIONS; i++) task();
    rounds.push(((performance.now() - started) * 1000) / ITERATIONS);
  }
  return median(rounds);
};

async function apiSchema(): Promise<GraphQLSchema> {
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'), logger: pino({ level: 'silent' }) });
  const { schema } = await gateway.load();
  await gateway.stop();
  return schema;
}

export async function run(): Promise<void> {
  const schema = await apiSchema();
  const rules = [...specifiedRules, ...operationLimitRules];
  const rows = CASES.map(({ name, query, variables }) => {
    const document: DocumentNode = parse(query);
    const errors = validate(schema, document, rules);
    if (errors.length > 0) throw new Error(`${name} does not validate: ${errors[0]!.message}`);
    const price = (): number => operationCost(schema, { document, variables }) ?? NaN;
    return {
      operation: name,
      cost: price(),
      'parse µs': microseconds(() => parse(query)),
      'validate µs': microseconds(() => validate(schema, document, rules)),
      'cost µs': microseconds(price),
    };
  });
  printTable(`Cost analysis per operation (default budget ${COST_MODEL.defaultBudget}; median of ${ROUNDS} × ${ITERATIONS} calls)`, rows);
}
