// A two-component identify scenario (Users -> Shop API) for CLI tests: the caller gives the
// header, requirements, workload and failures; the question and the design are always the same.
export function shopScenarioYaml(head: { id: string; title: string; summary: string }, body: string): string {
  return `version: 1
id: ${head.id}
title: ${head.title}
summary: ${head.summary}
difficulty: beginner
estimatedMinutes: 5
objectives: [identify-components]
mode: identify
story: A small shop.
${body.trim()}
questions:
  - { prompt: Which one serves the requests?, answer: api, explanation: The API does. }
design:
  nodes:
    - { id: users, kind: client, label: Users, position: { x: 0, y: 0 } }
    - { id: api, kind: service, label: Shop API, position: { x: 260, y: 0 } }
  edges:
    - { id: e1, source: users, target: api }
`;
}
