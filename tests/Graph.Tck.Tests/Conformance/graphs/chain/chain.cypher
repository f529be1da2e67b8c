CREATE (n1:Stop {n: 1}), (n2:Stop {n: 2}), (n3:Stop:Hub {n: 3}), (n4:Stop {n: 4}), (n5:Stop {n: 5}),
       (n1)-[:NEXT {km: 1}]->(n2), (n2)-[:NEXT {km: 2}]->(n3), (n3)-[:NEXT {km: 3}]->(n4), (n4)-[:NEXT {km: 4}]->(n5),
       (s:Junction {name: 's'}), (x:Junction {name: 'x'}), (y:Junction {name: 'y'}), (z:Junction {name: 'z'}), (t:Junction {name: 't'}),
       (s)-[:ROAD]->(x), (x)-[:ROAD]->(y), (y)-[:ROAD]->(z), (z)-[:ROAD]->(x), (x)-[:ROAD]->(t)
