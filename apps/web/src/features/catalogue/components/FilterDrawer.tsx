import { Drawer, type DrawerProps } from '@mantine/core';

/** The filters on a phone: a chunk of its own, fetched when first opened (CataloguePage). */
export function FilterDrawer(props: DrawerProps) {
  return <Drawer {...props} />;
}
