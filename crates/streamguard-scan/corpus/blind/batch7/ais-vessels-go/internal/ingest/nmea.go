// Package ingest receives raw AIVDM sentences from coast stations.
package ingest

import (
	"errors"
	"strconv"
	"strings"

	"github.com/harbourlabs/ais/internal/tracks"
)

var errChecksum = errors.New("bad NMEA checksum")

func checksumOK(s string) bool {
	star := strings.LastIndexByte(s, '*')
	if !strings.HasPrefix(s, "!") || star < 0 || star+3 > len(s) {
		return false
	}
	var sum byte
	for i := 1; i < star; i++ {
		sum ^= s[i]
	}
	want, err := strconv.ParseUint(s[star+1:star+3], 16, 8)
	return err == nil && byte(want) == sum
}

func sixbit(payload string) []byte {
	bits := make([]byte, 0, len(payload)*6)
	for _, c := range []byte(payload) {
		v := c - 48
		if v > 40 {
			v -= 8
		}
		for i := 5; i >= 0; i-- {
			bits = append(bits, (v>>i)&1)
		}
	}
	return bits
}

func uintAt(bits []byte, start, n int) uint64 {
	var v uint64
	for i := start; i < start+n && i < len(bits); i++ {
		v = v<<1 | uint64(bits[i])
	}
	return v
}

func intAt(bits []byte, start, n int) int64 {
	v := uintAt(bits, start, n)
	if v&(1<<(n-1)) != 0 {
		return int64(v) - (1 << n)
	}
	return int64(v)
}

// ParsePosition decodes message types 1–3 (class A position reports).
func ParsePosition(sentence string, receivedMs int64) (tracks.Position, error) {
	if !checksumOK(sentence) {
		return tracks.Position{}, errChecksum
	}
	f := strings.Split(sentence, ",")
	if len(f) < 7 {
		return tracks.Position{}, errors.New("short sentence")
	}
	bits := sixbit(f[5])
	if len(bits) < 168 {
		return tracks.Position{}, errors.New("short payload")
	}
	if t := uintAt(bits, 0, 6); t < 1 || t > 3 {
		return tracks.Position{}, errors.New("not a class A position report")
	}
	return tracks.Position{
		MMSI:   uint32(uintAt(bits, 8, 30)),
		SOG:    float64(uintAt(bits, 50, 10)) / 10,
		Lon:    float64(intAt(bits, 61, 28)) / 600000,
		Lat:    float64(intAt(bits, 89, 27)) / 600000,
		COG:    float64(uintAt(bits, 116, 12)) / 10,
		UnixMs: receivedMs,
	}, nil
}
