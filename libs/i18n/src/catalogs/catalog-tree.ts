export interface CatalogTree {
  [key: string]: string | CatalogTree;
}
