import { describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useListFilters } from './useListFilters';

describe('useListFilters', () => {
  it('starts on the first page with the given filters and page size', () => {
    const { result } = renderHook(() => useListFilters({ status: '' }, 50));
    expect(result.current.filters).toEqual({ status: '' });
    expect(result.current.page).toBe(0);
    expect(result.current.apiPage).toBe(1);
    expect(result.current.pageSize).toBe(50);
  });

  it('goes back to page 1 when a filter changes', () => {
    const { result } = renderHook(() => useListFilters({ status: '', q: '' }));
    act(() => result.current.paging.onPageChange(3));
    expect(result.current.apiPage).toBe(4);
    act(() => result.current.setFilter('status', 'paid'));
    expect(result.current.filters).toEqual({ status: 'paid', q: '' });
    expect(result.current.page).toBe(0);
    act(() => result.current.paging.onPageChange(2));
    act(() => result.current.setFilters({ q: 'x', status: '' }));
    expect(result.current.filters).toEqual({ status: '', q: 'x' });
    expect(result.current.page).toBe(0);
  });

  it('goes back to page 1 when the page size changes', () => {
    const { result } = renderHook(() => useListFilters({}));
    act(() => result.current.paging.onPageChange(5));
    act(() => result.current.paging.onPageSizeChange(100));
    expect(result.current.pageSize).toBe(100);
    expect(result.current.page).toBe(0);
  });
});
