CREATE (r:Root {name: 'root'}),
       (r)-[:R1 {w: 1}]->({name: 'one'}),
       (r)-[:R2 {w: 2}]->({name: 'two'}),
       (r)-[:R3 {w: 3}]->({name: 'three'})
