package article

import "sync"

// A tree lives only until it is converted: its Blocks hold strings, never
// a node. So a builder, when done, keeps the memory its tree was cut from
// (cleared, so that it holds nothing alive) and goes back to a pool, and
// the next tree is built in it — where a new tree would allocate tens of
// kilobytes of nodes for a long body, which the garbage collector would
// then have to scan and free.

var builderPool = sync.Pool{New: func() any { return new(htmlBuilder) }}

// newHTMLBuilder returns an empty builder; blocks or inlines releases it.
func newHTMLBuilder(lines *lineIndex) *htmlBuilder {
	b := builderPool.Get().(*htmlBuilder)
	b.lines = lines
	b.root = b.node(hnode{tag: "#root"})
	b.stack = append(b.stack, b.root)
	b.kidStart = append(b.kidStart, 0)
	return b
}

// maxPooledChunks bounds the memory a pooled builder keeps: the builder
// of a huge body is left to the garbage collector.
const maxPooledChunks = 64

// release clears b and puts it back in the pool.
func (b *htmlBuilder) release() {
	if len(b.nodes.chunks) > maxPooledChunks || len(b.kids.chunks) > maxPooledChunks {
		return
	}
	b.nodes.reset()
	b.kids.reset()
	clear(b.stack[:cap(b.stack)])
	clear(b.pending[:cap(b.pending)])
	clear(b.ignored)
	*b = htmlBuilder{
		stack:    b.stack[:0],
		pending:  b.pending[:0],
		kidStart: b.kidStart[:0],
		ignored:  b.ignored,
		nodes:    b.nodes,
		kids:     b.kids,
	}
	builderPool.Put(b)
}

// node returns a new node from the slab.
func (b *htmlBuilder) node(n hnode) *hnode {
	p := &b.nodes.take(1)[0]
	*p = n
	return p
}

// slabChunk is the number of elements in each chunk of a slab.
const slabChunk = 256

// A slab hands out runs of elements from chunks that it keeps when reset.
type slab[T any] struct {
	chunks [][]T // chunks[:used] hold what was taken, each of capacity slabChunk
	used   int
}

// take returns n consecutive zero elements, with capacity n.
func (s *slab[T]) take(n int) []T {
	if n > slabChunk {
		return make([]T, n)
	}
	if s.used == 0 || len(s.chunks[s.used-1])+n > slabChunk {
		if s.used == len(s.chunks) {
			s.chunks = append(s.chunks, make([]T, 0, slabChunk))
		}
		s.used++
	}
	c := &s.chunks[s.used-1]
	i := len(*c)
	*c = (*c)[:i+n]
	return (*c)[i : i+n : i+n]
}

// reset zeroes what was taken and keeps the chunks for the next takes.
func (s *slab[T]) reset() {
	for i := range s.used {
		clear(s.chunks[i])
		s.chunks[i] = s.chunks[i][:0]
	}
	s.used = 0
}
