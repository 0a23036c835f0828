package emitters

import "sort"

// Allocation is one row of the national frequency allocation table.
type Allocation struct {
	StartMHz, StopMHz float64
	Service          string
}

// Table is sorted by StartMHz.
type Table []Allocation

func (t Table) Len() int           { return len(t) }
func (t Table) Less(i, j int) bool { return t[i].StartMHz < t[j].StartMHz }
func (t Table) Swap(i, j int)      { t[i], t[j] = t[j], t[i] }

// Lookup returns the allocations covering f.
func (t Table) Lookup(f float64) []Allocation {
	i := sort.Search(len(t), func(i int) bool { return t[i].StartMHz > f })
	var out []Allocation
	for j := i - 1; j >= 0; j-- {
		if t[j].StopMHz >= f {
			out = append(out, t[j])
		}
		if f-t[j].StartMHz > 3000 {
			break
		}
	}
	return out
}
