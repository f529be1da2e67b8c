# Examples after Neo4j's Cypher manual, "The shortestPath() and allShortestPaths() functions", on the railway graph of
# "Shortest paths".
Feature: ShortestPathFunctions

  Scenario: shortestPath between two stations
    Given the stations graph
    When executing query:
      """
      MATCH p = shortestPath((a:Station {name: 'Pershore'})-[:LINK*]-(b:Station {name: 'Hartlebury'}))
      RETURN length(p) AS hops, nodes(p)[1].name AS via, count(*) AS paths
      """
    Then the result should be, in any order:
      | hops | via                      | paths |
      | 4    | 'Worcestershire Parkway' | 1     |
    And no side effects

  Scenario: allShortestPaths finds every shortest path
    Given the stations graph
    When executing query:
      """
      MATCH p = allShortestPaths((a:Station {name: 'Worcester Shrub Hill'})-[:LINK*]-(b:Station {name: 'Bromsgrove'}))
      RETURN [n IN nodes(p) | n.name] AS stops
      """
    Then the result should be, in any order:
      | stops                                                              |
      | ['Worcester Shrub Hill', 'Droitwich Spa', 'Bromsgrove']           |
      | ['Worcester Shrub Hill', 'Worcestershire Parkway', 'Bromsgrove']  |
    And no side effects

  Scenario: shortestPath within an upper bound finds nothing longer
    Given the stations graph
    When executing query:
      """
      MATCH p = shortestPath((a:Station {name: 'Pershore'})-[:LINK*..3]-(b:Station {name: 'Hartlebury'}))
      RETURN p
      """
    Then the result should be empty
    And no side effects

  Scenario: shortestPath along the arrows only
    Given the stations graph
    When executing query:
      """
      MATCH p = shortestPath((a:Station {name: 'Bromsgrove'})-[:LINK*]->(b:Station {name: 'Worcester Shrub Hill'}))
      RETURN length(p) AS hops
      """
    Then the result should be, in any order:
      | hops |
      | 2    |
    And no side effects

  Scenario: shortestPath with a predicate on its relationships
    Given the stations graph
    When executing query:
      """
      MATCH p = shortestPath((a:Station {name: 'Worcester Shrub Hill'})-[r:LINK*]-(b:Station {name: 'Bromsgrove'}))
      WHERE all(x IN r WHERE x.distance < 10)
      RETURN [n IN nodes(p) | n.name] AS stops
      """
    Then the result should be, in any order:
      | stops                                                    |
      | ['Worcester Shrub Hill', 'Droitwich Spa', 'Bromsgrove'] |
    And no side effects

  Scenario: shortestPath from one station to every other
    Given the stations graph
    When executing query:
      """
      MATCH (a:Station {name: 'Hartlebury'}), (b:Station)
      WHERE a <> b
      MATCH p = shortestPath((a)-[:LINK*]-(b))
      RETURN max(length(p)) AS longest, count(p) AS reached
      """
    Then the result should be, in any order:
      | longest | reached |
      | 4       | 8       |
    And no side effects
