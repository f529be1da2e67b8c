# Examples after Neo4j's Cypher manual, "Shortest paths" (SHORTEST k, ALL SHORTEST, ANY, SHORTEST k GROUPS) on its
# Worcestershire railway graph, "Quantified path patterns" and "Quantified relationships", and "Match modes" (path modes).
Feature: PathSelectors

  Scenario: SHORTEST 1 finds the length of a shortest path
    Given the stations graph
    When executing query:
      """
      MATCH p = SHORTEST 1 (wos:Station)-[:LINK]-+(bmv:Station)
      WHERE wos.name = 'Worcester Shrub Hill' AND bmv.name = 'Bromsgrove'
      RETURN length(p) AS result
      """
    Then the result should be, in any order:
      | result |
      | 2 |
    And no side effects

  Scenario: SHORTEST 2 finds the two shortest paths
    Given the stations graph
    When executing query:
      """
      MATCH p = SHORTEST 2 (wos:Station)-[:LINK]-+(bmv:Station)
      WHERE wos.name = 'Worcester Shrub Hill' AND bmv.name = 'Bromsgrove'
      RETURN [n IN nodes(p) | n.name] AS stops
      """
    Then the result should be, in any order:
      | stops |
      | ['Worcester Shrub Hill', 'Droitwich Spa', 'Bromsgrove'] |
      | ['Worcester Shrub Hill', 'Worcestershire Parkway', 'Bromsgrove'] |
    And no side effects

  Scenario: ALL SHORTEST finds every path of the shortest length
    Given the stations graph
    When executing query:
      """
      MATCH p = ALL SHORTEST (wos:Station)-[:LINK]-+(bmv:Station)
      WHERE wos.name = 'Worcester Shrub Hill' AND bmv.name = 'Bromsgrove'
      RETURN [n IN nodes(p) | n.name] AS stops
      """
    Then the result should be, in any order:
      | stops |
      | ['Worcester Shrub Hill', 'Droitwich Spa', 'Bromsgrove'] |
      | ['Worcester Shrub Hill', 'Worcestershire Parkway', 'Bromsgrove'] |
    And no side effects

  Scenario: ANY SHORTEST finds one shortest path
    Given the stations graph
    When executing query:
      """
      MATCH p = ANY SHORTEST (wos:Station {name: 'Worcester Shrub Hill'})-[:LINK]-+(bmv:Station {name: 'Bromsgrove'})
      RETURN length(p) AS length, count(*) AS paths
      """
    Then the result should be, in any order:
      | length | paths |
      | 2 | 1 |
    And no side effects

  Scenario: SHORTEST 2 GROUPS finds every path of the two shortest lengths
    Given the stations graph
    When executing query:
      """
      MATCH p = SHORTEST 2 GROUPS (wos:Station {name: 'Worcester Shrub Hill'})-[:LINK]-+(bmv:Station {name: 'Bromsgrove'})
      RETURN length(p) AS length, count(*) AS paths
      ORDER BY length
      """
    Then the result should be, in order:
      | length | paths |
      | 2 | 2 |
      | 3 | 3 |
    And no side effects

  Scenario: SHORTEST 3 takes the next length when the shortest are exhausted
    Given the stations graph
    When executing query:
      """
      MATCH p = SHORTEST 3 (wos:Station {name: 'Worcester Shrub Hill'})-[:LINK]-+(bmv:Station {name: 'Bromsgrove'})
      RETURN length(p) AS length, count(*) AS paths
      ORDER BY length
      """
    Then the result should be, in order:
      | length | paths |
      | 2 | 2 |
      | 3 | 1 |
    And no side effects

  Scenario: ANY with a predicate on every relationship
    Given the stations graph
    When executing query:
      """
      MATCH path = ANY (:Station {name: 'Pershore'})-[l:LINK WHERE l.distance < 10]-+(b:Station {name: 'Bromsgrove'})
      RETURN all(r IN relationships(path) WHERE r.distance < 10) AS short, count(*) AS paths
      """
    Then the result should be, in any order:
      | short | paths |
      | true | 1 |
    And no side effects

  Scenario: ANY 2 finds at most two paths per pair
    Given the stations graph
    When executing query:
      """
      MATCH p = ANY 2 (:Station {name: 'Worcester Shrub Hill'})-[:LINK]-{1,3}(:Station {name: 'Bromsgrove'})
      RETURN count(p) AS paths
      """
    Then the result should be, in any order:
      | paths |
      | 2 |
    And no side effects

  Scenario: The shortest path through a quantified path pattern
    Given the stations graph
    When executing query:
      """
      MATCH p = SHORTEST 1 (a:Station {name: 'Hartlebury'})(()-[:LINK]-()){1,}(b:Station {name: 'Cheltenham Spa'})
      RETURN [n IN nodes(p) | n.name] AS stops
      """
    Then the result should be, in any order:
      | stops |
      | ['Hartlebury', 'Droitwich Spa', 'Bromsgrove', 'Cheltenham Spa'] |
    And no side effects

  Scenario: SHORTEST from one station to every station
    Given the stations graph
    When executing query:
      """
      MATCH p = SHORTEST 1 (:Station {name: 'Pershore'})-[:LINK]-+(b:Station)
      RETURN b.name AS station, length(p) AS hops
      ORDER BY hops, station
      """
    Then the result should be, in order:
      | station | hops |
      | 'Worcestershire Parkway' | 1 |
      | 'Ashchurch' | 2 |
      | 'Bromsgrove' | 2 |
      | 'Worcester Shrub Hill' | 2 |
      | 'Cheltenham Spa' | 3 |
      | 'Droitwich Spa' | 3 |
      | 'Worcester Foregate Street' | 3 |
      | 'Hartlebury' | 4 |
    And no side effects

  Scenario: SHORTEST with the selector before the path variable
    Given the stations graph
    When executing query:
      """
      MATCH SHORTEST 1 p = (:Station {name: 'Pershore'})-[:LINK]-+(:Station {name: 'Hartlebury'})
      RETURN length(p) AS hops
      """
    Then the result should be, in any order:
      | hops |
      | 4 |
    And no side effects

  Scenario: SHORTEST with a relationship type filter and a direction
    Given the stations graph
    When executing query:
      """
      MATCH p = SHORTEST 1 (:Station {name: 'Ashchurch'})-[:LINK]->+(:Station {name: 'Worcester Shrub Hill'})
      RETURN length(p) AS hops
      """
    Then the result should be, in any order:
      | hops |
      | 1 |
    And no side effects

  Scenario: SHORTEST finds no path against the arrows
    Given the stations graph
    When executing query:
      """
      MATCH p = SHORTEST 1 (:Station {name: 'Worcester Shrub Hill'})-[:LINK]->+(:Station {name: 'Ashchurch'})
      RETURN length(p) AS hops
      """
    Then the result should be empty
    And no side effects

  Scenario Outline: Quantified relationships and quantified path patterns: (:Stop {n: 1})<pattern>(target)
    Given the chain graph
    When executing query:
      """
      MATCH (:Stop {n: 1})<pattern>(target:Stop)
      RETURN collect(target.n) AS reached
      """
    Then the result should be (ignoring element order for lists):
      | reached   |
      | <reached> |
    And no side effects

    Examples:
      | pattern | reached |
      | -[:NEXT]->{2} | [3] |
      | -[:NEXT]->{1,3} | [2, 3, 4] |
      | -[:NEXT]->+ | [2, 3, 4, 5] |
      | -[:NEXT]->* | [1, 2, 3, 4, 5] |
      | -[:NEXT]->{,2} | [1, 2, 3] |
      | -[:NEXT]->{3,} | [4, 5] |
      | -->{4} | [5] |
      | -->{5} | [] |
      | -[:NEXT]-{2} | [3] |
      | <-[:NEXT]-{1,2} | [] |
      | -[r:NEXT WHERE r.km < 3]->+ | [2, 3] |
      | ((a)-[:NEXT]->(b)){2} | [3] |
      | ((a)-[:NEXT]->(b)){1,2} | [2, 3] |
      | ((a)-[:NEXT]->(b:!Hub))+ | [2] |
      | ((a)-[r:NEXT]->(b) WHERE r.km <= 3)+ | [2, 3, 4] |
      | ((a)-[r:NEXT]->(b) WHERE b.n % 2 = 0)+ | [2] |
      | ((a WHERE a.n < 3)-[:NEXT]->(b))+ | [2, 3] |
      | (()-[:NEXT]->(:Stop))+ | [2, 3, 4, 5] |
      | (()-[:NEXT]->())* | [1, 2, 3, 4, 5] |

  Scenario: Group variables of a quantified path pattern are lists in written order
    Given the chain graph
    When executing query:
      """
      MATCH (:Stop {n: 1})((a)-[r:NEXT]->(b)){3}(target)
      RETURN [x IN a | x.n] AS froms, [x IN b | x.n] AS tos, [x IN r | x.km] AS kms, target.n AS last
      """
    Then the result should be, in any order:
      | froms | tos | kms | last |
      | [1, 2, 3] | [2, 3, 4] | [1, 2, 3] | 4 |
    And no side effects

  Scenario: Group variables read the same when the pattern is matched from its right end
    Given the chain graph
    When executing query:
      """
      MATCH (:Stop)((a)-[r:NEXT]->(b)){2}(target:Stop {n: 5})
      RETURN [x IN a | x.n] AS froms, [x IN b | x.n] AS tos
      """
    Then the result should be, in any order:
      | froms | tos |
      | [3, 4] | [4, 5] |
    And no side effects

  Scenario: Group variables can be aggregated over
    Given the chain graph
    When executing query:
      """
      MATCH (:Stop {n: 1})(()-[r:NEXT]->()){4}(:Stop)
      RETURN reduce(total = 0, x IN r | total + x.km) AS km
      """
    Then the result should be, in any order:
      | km |
      | 10 |
    And no side effects

  Scenario: A quantified path pattern joined to a fixed hop
    Given the chain graph
    When executing query:
      """
      MATCH (s:Stop {n: 1})((a)-[:NEXT]->(b)){2}(m)-[:NEXT]->(e)
      RETURN m.n AS middle, e.n AS last
      """
    Then the result should be, in any order:
      | middle | last |
      | 3 | 4 |
    And no side effects

  Scenario: TRAIL (the default) may revisit a node but not a relationship
    Given the chain graph
    When executing query:
      """
      MATCH p = (:Junction {name: 's'})-[:ROAD]->+(:Junction {name: 't'})
      RETURN length(p) AS hops
      ORDER BY hops
      """
    Then the result should be, in order:
      | hops |
      | 2 |
      | 5 |
    And no side effects

  Scenario: TRAIL written out is the same
    Given the chain graph
    When executing query:
      """
      MATCH p = TRAIL (:Junction {name: 's'})-[:ROAD]->+(:Junction {name: 't'})
      RETURN count(p) AS paths
      """
    Then the result should be, in any order:
      | paths |
      | 2 |
    And no side effects

  Scenario: ACYCLIC paths do not revisit a node
    Given the chain graph
    When executing query:
      """
      MATCH p = ACYCLIC (:Junction {name: 's'})-[:ROAD]->+(:Junction {name: 't'})
      RETURN [n IN nodes(p) | n.name] AS route
      """
    Then the result should be, in any order:
      | route |
      | ['s', 'x', 't'] |
    And no side effects

  Scenario: ALL with a path mode keeps every path
    Given the chain graph
    When executing query:
      """
      MATCH p = ALL ACYCLIC PATHS (:Junction {name: 's'})-[:ROAD]->+(:Junction {name: 't'})
      RETURN count(p) AS paths
      """
    Then the result should be, in any order:
      | paths |
      | 1 |
    And no side effects

  Scenario: ANY SHORTEST ACYCLIC
    Given the chain graph
    When executing query:
      """
      MATCH p = ANY SHORTEST ACYCLIC (:Junction {name: 's'})-[:ROAD]->+(:Junction {name: 't'})
      RETURN length(p) AS hops
      """
    Then the result should be, in any order:
      | hops |
      | 2 |
    And no side effects

  Scenario: A quantified path pattern repeats a stretch of two hops
    Given the chain graph
    When executing query:
      """
      MATCH (:Stop {n: 1})((a)-[:NEXT]->(m)-[:NEXT]->(b)){2}(t)
      RETURN t.n AS last, [x IN a | x.n] AS froms, [x IN m | x.n] AS middles, [x IN b | x.n] AS tos
      """
    Then the result should be, in any order:
      | last | froms  | middles | tos    |
      | 5    | [1, 3] | [2, 4]  | [3, 5] |
    And no side effects

  Scenario: A two-hop quantified path pattern matched from its right end
    Given the chain graph
    When executing query:
      """
      MATCH (s:Stop)((a)-[:NEXT]->(m)-[:NEXT]->(b)){1}(t:Stop {n: 5})
      RETURN s.n AS first, [x IN m | x.n] AS middles
      """
    Then the result should be, in any order:
      | first | middles |
      | 3     | [4]     |
    And no side effects

  Scenario: The WHERE of a two-hop quantified path pattern holds at every repetition
    Given the chain graph
    When executing query:
      """
      MATCH (s:Stop)((a)-[r1:NEXT]->(m)-[r2:NEXT]->(b) WHERE r1.km + r2.km > 4){1,2}(t)
      RETURN s.n AS first, t.n AS last
      """
    Then the result should be, in any order:
      | first | last |
      | 2     | 4    |
      | 3     | 5    |
    And no side effects

  Scenario: SHORTEST over a two-hop quantified path pattern
    Given the chain graph
    When executing query:
      """
      MATCH p = SHORTEST 1 (:Stop {n: 1})((a)-[:NEXT]->()-[:NEXT]->(b))+(t:Stop)
      RETURN t.n AS last, length(p) AS hops
      """
    Then the result should be, in any order:
      | last | hops |
      | 3    | 2    |
      | 5    | 4    |
    And no side effects

  Scenario: WALK may go round a cycle again where TRAIL may not
    Given the chain graph
    When executing query:
      """
      MATCH p = WALK (:Junction {name: 's'})-[:ROAD]->{1,8}(:Junction {name: 't'})
      RETURN length(p) AS hops
      ORDER BY hops
      """
    Then the result should be, in order:
      | hops |
      | 2    |
      | 5    |
      | 8    |
    And no side effects

  Scenario: TRAIL with the same bounds takes each relationship once
    Given the chain graph
    When executing query:
      """
      MATCH p = TRAIL (:Junction {name: 's'})-[:ROAD]->{1,8}(:Junction {name: 't'})
      RETURN length(p) AS hops
      ORDER BY hops
      """
    Then the result should be, in order:
      | hops |
      | 2    |
      | 5    |
    And no side effects

  Scenario: SHORTEST k over walks with an unbounded quantifier
    Given the chain graph
    When executing query:
      """
      MATCH p = SHORTEST 3 WALK (:Junction {name: 's'})-[:ROAD]->+(:Junction {name: 't'})
      RETURN length(p) AS hops
      ORDER BY hops
      """
    Then the result should be, in order:
      | hops |
      | 2    |
      | 5    |
      | 8    |
    And no side effects

  Scenario: An unbounded WALK needs a selector
    Given any graph
    When executing query:
      """
      MATCH p = WALK (a)-[:ROAD]->+(b)
      RETURN p
      """
    Then a SyntaxError should be raised at compile time: *

  Scenario: WALK repeats a stretch of two hops round a cycle where TRAIL may not
    Given the chain graph
    When executing query:
      """
      MATCH p = WALK (:Junction {name: 's'})((a)-[:ROAD]->(b)-[:ROAD]->(c)){1,4}(:Junction {name: 't'})
      RETURN length(p) AS hops
      ORDER BY hops
      """
    Then the result should be, in order:
      | hops |
      | 2    |
      | 8    |
    And no side effects

  Scenario: TRAIL repeats a stretch of two hops taking each relationship once
    Given the chain graph
    When executing query:
      """
      MATCH p = TRAIL (:Junction {name: 's'})((a)-[:ROAD]->(b)-[:ROAD]->(c)){1,4}(:Junction {name: 't'})
      RETURN length(p) AS hops
      ORDER BY hops
      """
    Then the result should be, in order:
      | hops |
      | 2    |
    And no side effects

  Scenario: SHORTEST k over walks of an unbounded stretch of two hops
    Given the chain graph
    When executing query:
      """
      MATCH p = SHORTEST 3 WALK (:Junction {name: 's'})((a)-[:ROAD]->(b)-[:ROAD]->(c))+(:Junction {name: 't'})
      RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS route
      ORDER BY hops
      """
    Then the result should be, in order:
      | hops | route                                                        |
      | 2    | ['s', 'x', 't']                                              |
      | 8    | ['s', 'x', 'y', 'z', 'x', 'y', 'z', 'x', 't']                |
      | 14   | ['s', 'x', 'y', 'z', 'x', 'y', 'z', 'x', 'y', 'z', 'x', 'y', 'z', 'x', 't'] |
    And no side effects

  Scenario: A WALK stretch's group variables list every repetition, the repeated relationships included
    Given the chain graph
    When executing query:
      """
      MATCH p = WALK (:Junction {name: 's'})((a)-[:ROAD]->(b)-[:ROAD]->(c)){4}(:Junction {name: 't'})
      RETURN [n IN a | n.name] AS a, [n IN c | n.name] AS c
      """
    Then the result should be, in any order:
      | a                    | c                    |
      | ['s', 'y', 'x', 'z'] | ['y', 'x', 'z', 't'] |
    And no side effects

  Scenario: SHORTEST k from a less selective start keeps k paths to the selective end per start
    Given the chain graph
    When executing query:
      """
      MATCH p = SHORTEST 2 (a:Junction)-[:ROAD]->+(:Junction {name: 't'})
      RETURN a.name AS from, length(p) AS hops
      """
    Then the result should be, in any order:
      | from | hops |
      | 's'  | 2    |
      | 's'  | 5    |
      | 'x'  | 1    |
      | 'x'  | 4    |
      | 'y'  | 3    |
      | 'z'  | 2    |
    And no side effects

  Scenario: SHORTEST 1 from a less selective start gives its paths and relationships in written order
    Given the chain graph
    When executing query:
      """
      MATCH p = SHORTEST 1 (a:Junction)-[r:ROAD]->+(:Junction {name: 't'})
      RETURN a.name AS from, [n IN nodes(p) | n.name] AS route, [x IN r | endNode(x).name] AS reached
      """
    Then the result should be, in any order:
      | from | route                | reached         |
      | 's'  | ['s', 'x', 't']      | ['x', 't']      |
      | 'x'  | ['x', 't']           | ['t']           |
      | 'y'  | ['y', 'z', 'x', 't'] | ['z', 'x', 't'] |
      | 'z'  | ['z', 'x', 't']      | ['x', 't']      |
    And no side effects

  Scenario: SHORTEST k over unbounded walks from a less selective start
    Given the chain graph
    When executing query:
      """
      MATCH p = SHORTEST 3 WALK (a:Junction)-[:ROAD]->+(:Junction {name: 't'})
      WITH a.name AS from, length(p) AS length
      ORDER BY length
      RETURN from, collect(length) AS hops
      ORDER BY from
      """
    Then the result should be, in order:
      | from | hops      |
      | 's'  | [2, 5, 8] |
      | 'x'  | [1, 4, 7] |
      | 'y'  | [3, 6, 9] |
      | 'z'  | [2, 5, 8] |
    And no side effects
