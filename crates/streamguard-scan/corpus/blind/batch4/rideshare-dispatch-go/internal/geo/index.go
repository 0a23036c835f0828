package geo

import (
	"sync"

	dispatchv1 "github.com/ridely/dispatch/gen/dispatch/v1"
)

// Index keeps the last known position of each driver and of each ride's driver.
type Index struct {
	mu        sync.RWMutex
	drivers   map[string]*dispatchv1.Location
	rideOwner map[string]string // ride -> driver
	rideRider map[string]string // ride -> rider
	listeners map[string][]chan *dispatchv1.DriverPosition
	surge     map[string][]chan *dispatchv1.SurgeUpdate
}

func NewIndex() *Index {
	return &Index{
		drivers:   map[string]*dispatchv1.Location{},
		rideOwner: map[string]string{},
		rideRider: map[string]string{},
		listeners: map[string][]chan *dispatchv1.DriverPosition{},
		surge:     map[string][]chan *dispatchv1.SurgeUpdate{},
	}
}

func (ix *Index) DriverOf(rideID string) string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.rideOwner[rideID]
}

func (ix *Index) RiderOf(rideID string) string {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.rideRider[rideID]
}

func (ix *Index) Assign(rideID, driverID string) {
	ix.mu.Lock()
	ix.rideOwner[rideID] = driverID
	ix.mu.Unlock()
}

func (ix *Index) Update(driverID string, loc *dispatchv1.Location) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.drivers[driverID] = loc
	for ride, d := range ix.rideOwner {
		if d != driverID {
			continue
		}
		for _, ch := range ix.listeners[ride] {
			select {
			case ch <- &dispatchv1.DriverPosition{RideId: ride, Location: loc}:
			default:
			}
		}
	}
}

func (ix *Index) Follow(rideID string) (<-chan *dispatchv1.DriverPosition, func()) {
	ch := make(chan *dispatchv1.DriverPosition, 16)
	ix.mu.Lock()
	ix.listeners[rideID] = append(ix.listeners[rideID], ch)
	ix.mu.Unlock()
	return ch, func() {
		ix.mu.Lock()
		defer ix.mu.Unlock()
		l := ix.listeners[rideID]
		for i := range l {
			if l[i] == ch {
				ix.listeners[rideID] = append(l[:i], l[i+1:]...)
				break
			}
		}
	}
}

func (ix *Index) SubscribeSurge(city string) (<-chan *dispatchv1.SurgeUpdate, func()) {
	ch := make(chan *dispatchv1.SurgeUpdate, 64)
	ix.mu.Lock()
	ix.surge[city] = append(ix.surge[city], ch)
	ix.mu.Unlock()
	return ch, func() {
		ix.mu.Lock()
		defer ix.mu.Unlock()
		l := ix.surge[city]
		for i := range l {
			if l[i] == ch {
				ix.surge[city] = append(l[:i], l[i+1:]...)
				break
			}
		}
	}
}
