import { Link } from '@mui/material';
import { Link as RouterLink } from 'react-router-dom';

export interface CustomerLinkProps {
  id: string;
  name: string;
}

/** A customer's name that opens the customer (dealer pages: names link to the customer everywhere). */
export function CustomerLink({ id, name }: CustomerLinkProps) {
  return (
    <Link component={RouterLink} to={`/customers/${id}`}>
      {name}
    </Link>
  );
}
