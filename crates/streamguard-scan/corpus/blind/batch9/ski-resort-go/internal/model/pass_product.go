package model

import (
	"errors"
	"fmt"
)

// PassProduct is a ski resort record as stored in the database.
type PassProduct struct {
	Id string `json:"id" db:"id"`
	Revision int64 `json:"revision" db:"revision"`
	Label string `json:"label" db:"label"`
	Status string `json:"status" db:"status"`
	Kind string `json:"kind" db:"kind"`
	Tags []string `json:"tags" db:"tags"`
}

// Validate reports the first problem with the record.
func (r *PassProduct) Validate() error {
	if r.Id == "" {
		return errors.New("pass_product: id is required")
	}
	if r.Revision < 0 {
		return fmt.Errorf("pass_product: revision must not be negative, got %v", r.Revision)
	}
	return nil
}

// Key is the cache key of the record.
func (r *PassProduct) Key() string { return fmt.Sprintf("pass_product:%s", r.Id) }
