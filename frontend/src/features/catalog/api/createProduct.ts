// POST /api/v1/admin/products
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import type { AdminProduct, NewProduct } from './types';

export async function createProduct(body: NewProduct): Promise<AdminProduct> {
  return unwrap(await api.POST('/api/v1/admin/products', { body }));
}

/** Adds a product (without plans: they are added one by one). */
export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProduct,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.catalog }),
  });
}
