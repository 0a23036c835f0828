package geo

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
)

type Point struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

type Geocoder struct {
	Base string
	HTTP *http.Client
}

func (g *Geocoder) Lookup(ctx context.Context, address string) (Point, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, g.Base+"/geocode?"+url.Values{"q": {address}}.Encode(), nil)
	if err != nil {
		return Point{}, err
	}
	resp, err := g.HTTP.Do(req)
	if err != nil {
		return Point{}, err
	}
	defer resp.Body.Close()
	var p Point
	return p, json.NewDecoder(resp.Body).Decode(&p)
}
