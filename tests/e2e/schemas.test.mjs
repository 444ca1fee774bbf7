// Every data file against its JSON Schema (no browser): data/*.json with data/election.schema.json,
// data/quiz-*.json with data/quiz.schema.json, by Ajv in draft 2020-12 with every error reported,
// strict mode and the formats ("date", "uri") checked. A file that fails is named with each error's
// instancePath and message. A deliberately broken copy of each format must fail, so that the test
// can fail at all. Run: node --test tests/e2e/schemas.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const DATA = fileURLToPath(new URL("../../data/", import.meta.url));
const read = (name) => JSON.parse(readFileSync(DATA + name, "utf8"));

// strict: every strict check is an error (unknown keywords and formats, numbers, tuples), except
// two that cannot see through the schemas' legitimate conditionals: `oneOf`, `not` and `if`/`then`/
// `else` subschemas that require or constrain members declared in the enclosing `properties` (a
// pair's `candidate` or `president`, `nominatingParties` with no items for an independent pair).
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false });
addFormats(ajv);
const validators = {
  election: ajv.compile(read("election.schema.json")),
  quiz: ajv.compile(read("quiz.schema.json")),
};

const files = readdirSync(DATA).filter((n) => n.endsWith(".json") && !n.endsWith(".schema.json")).sort();
const formatOf = (name) => (name.startsWith("quiz-") ? "quiz" : "election");

/** The errors of one value, one line each: "instancePath message" ("/" for the root). */
function errors(format, value) {
  const validate = validators[format];
  return validate(value) ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
}

test("the data directory holds both formats", () => {
  assert.ok(files.filter((n) => formatOf(n) === "election").length >= 2, files.join(" "));
  assert.ok(files.filter((n) => formatOf(n) === "quiz").length >= 4, files.join(" "));
});

for (const name of files) {
  test(`${name} is valid against ${formatOf(name)}.schema.json`, () => {
    const problems = errors(formatOf(name), read(name));
    assert.deepEqual(problems, [], `${name}:\n  ${problems.join("\n  ")}`);
  });
}

test("a broken copy fails, naming where and why", () => {
  // A party without its ballot number.
  const election = read("pemilu-2024.json");
  delete election.parties[0].number;
  assert.ok(errors("election", election).includes("/parties/0 must have required property 'number'"), errors("election", election).join("\n"));
  // A date that is no date, and a source that is no URL: every error is reported, not only the first.
  const pilkada = read("pilkada-jakarta-2024.json");
  pilkada.votingDay = "2024-02-30";
  pilkada.guide.sections[0].items[0].source = "norton-news.com";
  const found = errors("election", pilkada);
  assert.ok(found.some((e) => e.startsWith("/votingDay must match format \"date\"")), found.join("\n"));
  assert.ok(found.some((e) => e.startsWith("/guide/sections/0/items/0/source ")), found.join("\n"));
  // A quiz item with an answer the format does not know.
  const quiz = read("quiz-en.json");
  quiz.items[0].answer = "maybe";
  assert.ok(errors("quiz", quiz).some((e) => e.startsWith("/items/0/answer ")), errors("quiz", quiz).join("\n"));
});
